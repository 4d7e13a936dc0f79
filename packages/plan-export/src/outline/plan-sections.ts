/**
 * The sections made of the plan itself: overview, stakeholders, phases with their formats,
 * results. A new field of the plan is shown by adding it here (a fact, a column, a paragraph).
 */
import {
  PHASE_RESOURCE_FIELDS,
  type FormatJSON,
  type PhaseJSON,
  type PlanJSON,
  type ResultJSON,
  type RichTextJSON,
} from '@prozesswerkstatt/plan-model';
import type { ExportLabels } from '../input.js';
import {
  OVERVIEW_ORDER,
  formatDuration,
  formatModePlace,
  formatWhen,
  orNone,
  phasePeriod,
  resultSubject,
  targetNames,
} from '../plan-facts.js';
import { isEmptyRichText, richTextToBlocks, richTextToCellText } from '../rich-blocks.js';
import {
  plainRun,
  subsection,
  type HeadingLevel,
  type OutlineBlock,
  type Section,
} from './outline.js';

/** A rich-text field as flowing text, or the "none" placeholder when it is empty. */
export function richText(json: RichTextJSON, labels: ExportLabels): OutlineBlock {
  return isEmptyRichText(json)
    ? { kind: 'paragraph', runs: [plainRun(labels.none)], placeholder: true }
    : { kind: 'text', blocks: richTextToBlocks(json) };
}

/** A plain paragraph of label text ("No stakeholders."). */
function note(text: string): OutlineBlock {
  return { kind: 'paragraph', runs: [plainRun(text)] };
}

/** Table cells: trimmed, an empty one reads as `labels.none`. */
function cells(values: readonly string[], labels: ExportLabels): string[] {
  return values.map((value) => orNone(value.trim(), labels));
}

/** A heading over one rich-text field. */
function fieldSection(
  key: string,
  level: HeadingLevel,
  heading: string,
  json: RichTextJSON,
  labels: ExportLabels,
): Section {
  return { kind: 'field', key, level, heading, content: [richText(json, labels)] };
}

export function overviewSection(plan: PlanJSON, labels: ExportLabels): Section {
  return {
    kind: 'overview',
    key: 'overview',
    level: 2,
    heading: labels.overviewHeading,
    content: OVERVIEW_ORDER.map((field) =>
      subsection(
        fieldSection(
          `overview-${field.toLowerCase()}`,
          3,
          labels.field(field),
          plan.overview[field],
          labels,
        ),
      ),
    ),
  };
}

export function stakeholdersSection(plan: PlanJSON, labels: ExportLabels): Section {
  const c = labels.stakeholderColumns;
  const content: OutlineBlock[] =
    plan.stakeholders.length === 0
      ? [note(labels.noStakeholders)]
      : [
          {
            kind: 'table',
            header: [
              c.name,
              c.group,
              c.power,
              c.interest,
              c.participationLevel,
              c.contactRole,
              c.notes,
            ],
            rows: plan.stakeholders.map((s) =>
              cells(
                [
                  s.name,
                  labels.group(s.group),
                  String(s.power),
                  String(s.interest),
                  labels.level(s.participationLevel),
                  s.contactRole,
                  richTextToCellText(s.notes),
                ],
                labels,
              ),
            ),
            rowHeaders: true,
          },
        ];
  return {
    kind: 'stakeholders',
    key: 'stakeholders',
    level: 2,
    heading: labels.stakeholdersHeading,
    content,
  };
}

export function phasesSection(plan: PlanJSON, labels: ExportLabels): Section {
  const content: OutlineBlock[] = plan.phases.length === 0 ? [note(labels.noPhases)] : [];
  plan.phases.forEach((phase, index) =>
    content.push(subsection(phaseSection(plan, phase, index, labels))),
  );
  return { kind: 'phases', key: 'phases', level: 2, heading: labels.phasesHeading, content };
}

function phaseSection(
  plan: PlanJSON,
  phase: PhaseJSON,
  index: number,
  labels: ExportLabels,
): Section {
  const key = `phase-${index + 1}`;
  return {
    kind: 'phase',
    key,
    level: 3,
    heading: phase.title.trim() || labels.untitled,
    number: index + 1,
    content: [
      {
        kind: 'facts',
        facts: [
          { label: labels.field('kind'), value: labels.phaseKind(phase.kind) },
          { label: labels.phasePeriod, value: phasePeriod(phase, labels) },
          { label: labels.phaseLevel, value: labels.level(phase.participationLevel) },
          ...resourceFacts(phase, labels),
        ],
      },
      subsection(fieldSection(`${key}-goal`, 4, labels.phaseGoal, phase.goal, labels)),
      subsection(formatsSection(plan, phase, key, labels)),
      ...responsibilitiesSection(plan, phase, key, labels),
    ],
  };
}

/** The resources planned for a phase, one fact each; none while nothing is planned. */
function resourceFacts(phase: PhaseJSON, labels: ExportLabels) {
  return PHASE_RESOURCE_FIELDS.flatMap((field) => {
    const value = phase[field];
    if (value === null) return [];
    const text = field === 'budgetEuros' ? labels.euros(value) : labels.number(value);
    return [{ label: labels.field(field), value: text }];
  });
}

/**
 * Who is responsible for the phase and each of its formats: one row per phase or format, one
 * column per stakeholder holding a letter there. Nothing when nobody holds one.
 */
function responsibilitiesSection(
  plan: PlanJSON,
  phase: PhaseJSON,
  phaseKey: string,
  labels: ExportLabels,
): OutlineBlock[] {
  const rows = [phase, ...phase.formats];
  const holders = plan.stakeholders.filter((s) => rows.some((r) => r.responsibilities[s.id]));
  if (holders.length === 0) return [];
  return [
    subsection({
      kind: 'field',
      key: `${phaseKey}-responsibilities`,
      level: 4,
      heading: labels.responsibilitiesHeading,
      content: [
        {
          kind: 'table',
          header: [labels.formatColumns.title, ...holders.map((s) => s.name)],
          rows: rows.map((row) =>
            cells([row.title, ...holders.map((s) => row.responsibilities[s.id] ?? '')], labels),
          ),
          rowHeaders: true,
        },
        note(labels.raciLegend),
      ],
    }),
  ];
}

function formatsSection(
  plan: PlanJSON,
  phase: PhaseJSON,
  phaseKey: string,
  labels: ExportLabels,
): Section {
  const key = `${phaseKey}-formats`;
  const section: Section = {
    kind: 'formats',
    key,
    level: 4,
    heading: labels.formatsHeading,
    content: [],
  };
  if (phase.formats.length === 0) {
    section.content.push(note(labels.noFormats));
    return section;
  }
  const c = labels.formatColumns;
  section.content.push({
    kind: 'table',
    header: [c.title, c.method, c.dateTime, c.duration, c.mode, c.targets, c.responsible],
    rows: phase.formats.map((f) =>
      cells(
        [
          f.title,
          f.method,
          formatWhen(f, labels),
          formatDuration(f, labels),
          formatModePlace(f, labels),
          targetNames(plan, f),
          f.responsible,
        ],
        labels,
      ),
    ),
    rowHeaders: true,
  });
  phase.formats.forEach((format, index) => {
    const details = formatDetails(format, labels);
    if (details.length === 0) return;
    section.content.push(
      subsection({
        kind: 'format',
        key: `${key}-${index + 1}`,
        level: 5,
        heading: format.title.trim() || labels.untitled,
        content: details,
      }),
    );
  });
  return section;
}

/** What a format has beyond its table row; nothing when all of it is empty. */
function formatDetails(format: FormatJSON, labels: ExportLabels): OutlineBlock[] {
  const out: OutlineBlock[] = [];
  const expected = format.expectedOutput.trim();
  if (expected !== '') {
    out.push({
      kind: 'paragraph',
      lead: labels.field('expectedOutput'),
      runs: [plainRun(expected)],
    });
  }
  const resources = format.resources.trim();
  if (resources !== '') {
    out.push({ kind: 'paragraph', lead: labels.field('resources'), runs: [plainRun(resources)] });
  }
  if (!isEmptyRichText(format.description)) {
    out.push(
      { kind: 'paragraph', lead: labels.field('description'), runs: [] },
      { kind: 'text', blocks: richTextToBlocks(format.description) },
    );
  }
  return out;
}

export function resultsSection(plan: PlanJSON, labels: ExportLabels): Section | null {
  if (plan.results.length === 0) return null;
  return {
    kind: 'results',
    key: 'results',
    level: 2,
    heading: labels.resultsHeading,
    content: plan.results.map((result, index) =>
      subsection(resultSection(plan, result, `result-${index + 1}`, labels)),
    ),
  };
}

function resultSection(
  plan: PlanJSON,
  result: ResultJSON,
  key: string,
  labels: ExportLabels,
): Section {
  return {
    kind: 'result',
    key,
    level: 3,
    heading: labels.resultFor(resultSubject(plan, result, labels)),
    content: [
      subsection(
        fieldSection(`${key}-feedback`, 4, labels.resultFeedback, result.feedback, labels),
      ),
    ],
  };
}
