/**
 * The results report as an outline: what became of what people said — themes with
 * representative quotes, every decision with its reason, what changed in the plan, the
 * measures. Drawn by the same renderers as the plan (Markdown, DOCX, the app's OutlineView), so
 * there is no separate walk per format. The report is a public edition: it shows no pseudonym,
 * and its quotes and titles are the caller's pseudonymised texts.
 */
import { plainRun, subsection, type OutlineBlock, type Section } from '../outline/outline.js';
import type {
  ReportContribution,
  ReportTheme,
  ResultsReportInput,
  ResultsReportLabels,
} from './report-input.js';

/** The decision scale in the order the report lists it; other codes follow as they come. */
const DECISION_ORDER = [
  'adopted',
  'partly_adopted',
  'not_adopted',
  'noted',
  'out_of_scope',
  'duplicate_of',
];

/** Most quotes shown per theme. */
export const QUOTES_PER_THEME = 3;
/** Characters of a quote or of a contribution's excerpt in a table cell. */
export const QUOTE_LENGTH = 300;

/** The report: the title with its facts, then summary, themes, decisions, changes, measures. */
export function resultsReportOutline(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
): Section[] {
  return [
    reportTitleSection(input, labels),
    summarySection(input, labels),
    themesSection(input, labels),
    decisionsSection(input, labels),
    changesSection(input, labels),
    measuresSection(input, labels),
  ];
}

function reportTitleSection(input: ResultsReportInput, labels: ResultsReportLabels): Section {
  const decided = input.contributions.filter((c) => c.decision !== null).length;
  return {
    kind: 'results-report',
    key: 'results-report',
    level: 1,
    heading: labels.reportTitle(input.planTitle.trim() || labels.untitled),
    content: [
      {
        kind: 'facts',
        facts: [
          { label: labels.edition, value: labels.editionPublic },
          ...editionFacts(input, labels),
          { label: labels.contributionCount, value: String(input.contributions.length) },
          { label: labels.decidedCount, value: String(decided) },
        ],
      },
    ],
  };
}

/** When the document was made and when the answers were released. */
export function editionFacts(input: ResultsReportInput, labels: ResultsReportLabels) {
  return [
    { label: labels.generatedAt, value: labels.dateTime(input.generatedAt) },
    {
      label: labels.releasedAt,
      value:
        input.releasedAt === null
          ? labels.notReleased
          : input.changedSinceRelease
            ? `${labels.dateTime(input.releasedAt)} (${labels.changedSinceRelease})`
            : labels.dateTime(input.releasedAt),
    },
  ];
}

/** `items` grouped by `keyOf`, groups in the order of `order`, then of first appearance. */
function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  order: readonly string[] = [],
): [string, T[]][] {
  const groups = new Map<string, T[]>(order.map((key) => [key, []]));
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].filter(([, group]) => group.length > 0);
}

function summarySection(input: ResultsReportInput, labels: ResultsReportLabels): Section {
  const byDecision = groupBy(input.contributions, (c) => c.decision ?? '', [
    ...DECISION_ORDER,
    '',
  ]).map(([code, group]) => [
    code === '' ? labels.undecided : labels.decision(code),
    String(group.length),
  ]);
  const byChannel = groupBy(input.contributions, (c) => c.channel).map(([code, group]) => [
    labels.channel(code),
    String(group.length),
  ]);
  const content: OutlineBlock[] =
    input.contributions.length === 0
      ? [{ kind: 'paragraph', runs: [plainRun(labels.noDecisions)], placeholder: true }]
      : [
          { kind: 'paragraph', lead: labels.byDecision, runs: [] },
          {
            kind: 'table',
            header: [labels.decisionColumn, labels.count],
            rows: byDecision,
            rowHeaders: true,
          },
          { kind: 'paragraph', lead: labels.byChannel, runs: [] },
          {
            kind: 'table',
            header: [labels.channelColumn, labels.count],
            rows: byChannel,
            rowHeaders: true,
          },
        ];
  return {
    kind: 'results-summary',
    key: 'results-summary',
    level: 2,
    heading: labels.summaryHeading,
    content,
  };
}

/** `text` with whitespace collapsed, cut at a word boundary to `length` characters with "…". */
export function excerpt(text: string, length = QUOTE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The quotes that stand for a theme: the contributions with the most co-signers first (more
 * people said it), then the earliest; explainable, and the same for the same input.
 */
export function representativeQuotes(
  members: readonly ReportContribution[],
  count = QUOTES_PER_THEME,
): string[] {
  return [...members]
    .filter((c) => c.text.trim() !== '')
    .sort((a, b) => b.cosignerCount - a.cosignerCount || a.number - b.number)
    .slice(0, count)
    .map((c) => excerpt(c.text));
}

/** Themes in tree order (parents before their children, siblings by label) with their path. */
function themesInTreeOrder(themes: readonly ReportTheme[]): { theme: ReportTheme; path: string }[] {
  const ids = new Set(themes.map((t) => t.id));
  const childrenOf = (parentId: string | null) =>
    themes
      .filter((t) => (t.parentId !== null && ids.has(t.parentId) ? t.parentId : null) === parentId)
      .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const out: { theme: ReportTheme; path: string }[] = [];
  const visit = (parentId: string | null, prefix: string) => {
    for (const theme of childrenOf(parentId)) {
      const path = prefix === '' ? theme.label : `${prefix} › ${theme.label}`;
      out.push({ theme, path });
      visit(theme.id, path);
    }
  };
  visit(null, '');
  return out;
}

function themesSection(input: ResultsReportInput, labels: ResultsReportLabels): Section {
  const sections = themesInTreeOrder(input.themes).map(({ theme, path }, index) => {
    const members = input.contributions.filter((c) => c.themeIds.includes(theme.id));
    const quotes = representativeQuotes(members);
    const content: OutlineBlock[] = [
      { kind: 'paragraph', runs: [plainRun(labels.themeItems(members.length))] },
    ];
    if (quotes.length > 0) {
      content.push(
        { kind: 'paragraph', lead: labels.themeQuotes, runs: [] },
        {
          kind: 'text',
          blocks: quotes.map((quote) => ({ kind: 'quote' as const, runs: [plainRun(quote)] })),
        },
      );
    }
    return subsection({
      kind: 'results-theme',
      key: `results-theme-${index + 1}`,
      level: 3,
      heading: path,
      content,
    });
  });
  return {
    kind: 'results-themes',
    key: 'results-themes',
    level: 2,
    heading: labels.themesHeading,
    content:
      sections.length > 0
        ? sections
        : [{ kind: 'paragraph', runs: [plainRun(labels.noThemes)], placeholder: true }],
  };
}

/** A table cell naming a contribution: its title, then the start of its text. */
function contributionCell(c: ReportContribution, labels: ResultsReportLabels): string {
  const text = excerpt(c.text);
  const title = c.title.trim();
  const named = title === '' ? text : text === '' ? title : `${title}: ${text}`;
  return named || labels.none;
}

/** The reason as the report shows it; a duplicate names its original. */
function reasonCell(c: ReportContribution, labels: ResultsReportLabels): string {
  const parts = [
    ...(c.duplicateOf === null ? [] : [labels.duplicateOf(c.duplicateOf)]),
    ...(c.reason.trim() === '' ? [] : [c.reason.trim()]),
  ];
  return parts.join('\n') || labels.none;
}

function decisionsSection(input: ResultsReportInput, labels: ResultsReportLabels): Section {
  const decided = input.contributions.filter((c) => c.decision !== null);
  const groups = groupBy(decided, (c) => c.decision ?? '', DECISION_ORDER);
  return {
    kind: 'results-decisions',
    key: 'results-decisions',
    level: 2,
    heading: labels.decisionsHeading,
    content:
      groups.length === 0
        ? [{ kind: 'paragraph', runs: [plainRun(labels.noDecisions)], placeholder: true }]
        : groups.map(([code, group]) =>
            subsection({
              kind: 'results-decision',
              key: `results-decision-${code.replace(/[^a-z0-9]+/g, '-')}`,
              level: 3,
              heading: `${labels.decision(code)} (${group.length})`,
              content: [
                {
                  kind: 'table',
                  header: [labels.number, labels.contribution, labels.reason, labels.response],
                  rows: group.map((c) => [
                    String(c.number),
                    contributionCell(c, labels),
                    reasonCell(c, labels),
                    c.response.trim() || labels.none,
                  ]),
                  rowHeaders: true,
                },
              ],
            }),
          ),
  };
}

function changesSection(input: ResultsReportInput, labels: ResultsReportLabels): Section {
  const changed = input.contributions.filter((c) => c.change !== null && c.decision !== null);
  const groups = groupBy(changed, (c) => `${c.change?.kind}\u0000${c.change?.name}`);
  return {
    kind: 'results-changes',
    key: 'results-changes',
    level: 2,
    heading: labels.changesHeading,
    content:
      groups.length === 0
        ? [{ kind: 'paragraph', runs: [plainRun(labels.noChanges)], placeholder: true }]
        : groups.map(([, group], index) =>
            subsection({
              kind: 'results-change',
              key: `results-change-${index + 1}`,
              level: 3,
              heading: group[0]?.change?.name ?? labels.none,
              content: [
                {
                  kind: 'table',
                  header: [labels.number, labels.decisionColumn, labels.reason],
                  rows: group.map((c) => [
                    String(c.number),
                    labels.decision(c.decision ?? ''),
                    reasonCell(c, labels),
                  ]),
                  rowHeaders: true,
                },
              ],
            }),
          ),
  };
}

function measuresSection(input: ResultsReportInput, labels: ResultsReportLabels): Section {
  return {
    kind: 'results-measures',
    key: 'results-measures',
    level: 2,
    heading: labels.measuresHeading,
    content:
      input.measures.length === 0
        ? [{ kind: 'paragraph', runs: [plainRun(labels.noMeasures)], placeholder: true }]
        : input.measures.map((measure, index) => {
            const content: OutlineBlock[] = [
              {
                kind: 'facts',
                facts: [
                  { label: labels.status, value: labels.measureStatus(measure.status) },
                  { label: labels.progress, value: labels.percent(measure.progress) },
                  {
                    label: labels.start,
                    value: measure.startDate ? labels.date(measure.startDate) : labels.none,
                  },
                  {
                    label: labels.end,
                    value: measure.endDate ? labels.date(measure.endDate) : labels.none,
                  },
                  {
                    label: labels.contributionsBehind,
                    value:
                      measure.contributionNumbers.length > 0
                        ? measure.contributionNumbers.map(String).join(', ')
                        : labels.none,
                  },
                ],
              },
            ];
            if (measure.description.trim() !== '') {
              content.push({ kind: 'paragraph', runs: [plainRun(measure.description.trim())] });
            }
            if (measure.milestones.length > 0) {
              content.push(
                { kind: 'paragraph', lead: labels.milestones, runs: [] },
                {
                  kind: 'text',
                  blocks: [
                    {
                      kind: 'list',
                      ordered: false,
                      items: measure.milestones.map((m) => ({
                        runs: [
                          plainRun(
                            m.done
                              ? labels.milestoneDone(m.title)
                              : m.dueDate
                                ? labels.milestoneDue(m.title, labels.date(m.dueDate))
                                : m.title,
                          ),
                        ],
                        children: [],
                      })),
                    },
                  ],
                },
              );
            }
            return subsection({
              kind: 'results-measure',
              key: `results-measure-${index + 1}`,
              level: 3,
              heading: measure.title.trim() || labels.untitled,
              content,
            });
          }),
  };
}
