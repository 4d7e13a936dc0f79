/**
 * The weighing table (Abwägungstabelle) of a formal procedure as an outline: one row per
 * contribution — its number, the pseudonym (internal edition only), when and how it came, the
 * statement, the reply, the decision and its reason. The DOCX is drawn by the outline renderer;
 * the XLSX writes the same table block (`weighingTable`), so both files hold the same cells.
 */
import type { OutlineBlock, Section } from '../outline/outline.js';
import { editionFacts } from './report-outline.js';
import type {
  ReportContribution,
  ResultsReportInput,
  ResultsReportLabels,
  WeighingAudience,
} from './report-input.js';

/** The table of a weighing outline: a header and one row per contribution. */
export type WeighingTable = Extract<OutlineBlock, { kind: 'table' }>;

/** The weighing table: internal with the pseudonym column, public without. */
export function weighingTable(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
  audience: WeighingAudience,
): WeighingTable {
  const internal = audience === 'internal';
  const cell = (text: string) => text.trim() || labels.none;
  const statement = (c: ReportContribution) =>
    cell(c.title.trim() === '' ? c.text : `${c.title.trim()}\n${c.text}`);
  return {
    kind: 'table',
    header: [
      labels.number,
      ...(internal ? [labels.pseudonym] : []),
      labels.received,
      labels.subject,
      labels.statement,
      labels.response,
      labels.decisionColumn,
      labels.reason,
    ],
    rows: input.contributions.map((c) => [
      String(c.number),
      ...(internal ? [cell(c.pseudonym)] : []),
      `${labels.date(c.receivedAt)}, ${labels.channel(c.channel)}`,
      cell(c.subject ?? ''),
      statement(c),
      cell(c.response),
      c.decision === null ? labels.undecided : labels.decision(c.decision),
      cell(
        [...(c.duplicateOf === null ? [] : [labels.duplicateOf(c.duplicateOf)]), c.reason.trim()]
          .filter((part) => part !== '')
          .join('\n'),
      ),
    ]),
    rowHeaders: true,
  };
}

/** The weighing table as a document: the title with its facts, then the table. */
export function weighingTableOutline(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
  audience: WeighingAudience,
): Section[] {
  return [
    {
      kind: 'weighing-table',
      key: 'weighing-table',
      level: 1,
      heading: labels.weighingTitle(input.planTitle.trim() || labels.untitled),
      content: [
        {
          kind: 'facts',
          facts: [
            {
              label: labels.edition,
              value: audience === 'internal' ? labels.editionInternal : labels.editionPublic,
            },
            ...editionFacts(input, labels),
            { label: labels.contributionCount, value: String(input.contributions.length) },
          ],
        },
        weighingTable(input, labels, audience),
      ],
    },
  ];
}
