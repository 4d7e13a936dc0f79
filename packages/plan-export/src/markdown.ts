import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import type { ExportInput, ExportLabels } from './input.js';
import { blocksToMarkdown, escapeCell, escapeLine, escapeText, table } from './markdown-text.js';
import {
  OVERVIEW_ORDER,
  formatDuration,
  formatModePlace,
  formatWhen,
  orNone,
  phasePeriod,
  planStatusText,
  planTitle,
  resultSubject,
  targetNames,
} from './plan-facts.js';
import { isEmptyRichText, richTextToBlocks, richTextToCellText } from './rich-blocks.js';
import type { RichTextJSON } from '@prozesswerkstatt/plan-model';

/**
 * The plan (or one version of it, with its approval record) as a Markdown document (CommonMark
 * with GFM tables). All user text is escaped; all other text comes from `labels`.
 */
export function planToMarkdown(input: ExportInput, labels: ExportLabels): string {
  const { plan } = input;
  const parts: string[] = [
    `# ${escapeLine(planTitle(plan, labels))}`,
    metaList(plan, labels, input.version ? null : planStatusText(input, labels)),
  ];
  if (input.version) parts.push(versionSection(input, labels));
  parts.push(overviewSection(plan, labels));
  parts.push(stakeholderSection(plan, labels));
  parts.push(phaseSection(plan, labels));
  if (plan.results.length > 0) parts.push(resultSection(plan, labels));
  if (input.version || (input.approvals?.length ?? 0) > 0)
    parts.push(approvalSection(input, labels));
  if ((input.openThreads?.length ?? 0) > 0) parts.push(threadSection(input, labels));
  return `${parts.join('\n\n')}\n`;
}

function field(label: string, value: string): string {
  return `- **${escapeLine(label)}:** ${escapeLine(value)}`;
}

/**
 * The plan's facts. A version's document leaves out the plan status: the version's own status
 * (draft, in review, approved, superseded) says what counts, and the status inside its snapshot
 * is the one from before it was submitted.
 */
function metaList(plan: PlanJSON, labels: ExportLabels, status: string | null): string {
  const { meta } = plan;
  return [
    field(labels.requestingUnit, orNone(meta.requestingUnit, labels)),
    field(labels.facilitator, orNone(meta.facilitator, labels)),
    ...(status !== null ? [field(labels.status, status)] : []),
    field(labels.createdAt, labels.dateTime(meta.createdAt)),
    field(labels.updatedAt, labels.dateTime(meta.updatedAt)),
  ].join('\n');
}

function richText(json: RichTextJSON, baseLevel: number, labels: ExportLabels): string {
  if (isEmptyRichText(json)) return escapeText(labels.none);
  return blocksToMarkdown(richTextToBlocks(json), baseLevel);
}

function versionSection(input: ExportInput, labels: ExportLabels): string {
  const version = input.version!;
  return [
    `## ${escapeLine(labels.versionHeading)}`,
    [
      field(labels.versionLabel, orNone(version.label, labels)),
      field(labels.versionStatus, labels.versionStatusName(version.status)),
      field(labels.versionCreatedAt, labels.dateTime(version.createdAt)),
      field(labels.versionAuthor, orNone(version.authorName, labels)),
      field(labels.versionNote, orNone(version.note, labels)),
      `- **${escapeLine(labels.versionHash)}:** \`${version.sha256.replace(/[^0-9a-f]/gi, '')}\``,
    ].join('\n'),
  ].join('\n\n');
}

function overviewSection(plan: PlanJSON, labels: ExportLabels): string {
  const parts = [`## ${escapeLine(labels.overviewHeading)}`];
  for (const key of OVERVIEW_ORDER) {
    parts.push(
      `### ${escapeLine(labels.overviewFields[key])}`,
      richText(plan.overview[key], 3, labels),
    );
  }
  return parts.join('\n\n');
}

function stakeholderSection(plan: PlanJSON, labels: ExportLabels): string {
  const heading = `## ${escapeLine(labels.stakeholdersHeading)}`;
  if (plan.stakeholders.length === 0) return `${heading}\n\n${escapeText(labels.noStakeholders)}`;
  const c = labels.stakeholderColumns;
  const header = [
    c.name,
    c.group,
    c.power,
    c.interest,
    c.participationLevel,
    c.contactRole,
    c.notes,
  ];
  const rows = plan.stakeholders.map((s) =>
    [
      s.name,
      labels.group(s.group),
      String(s.power),
      String(s.interest),
      labels.level(s.participationLevel),
      s.contactRole,
      richTextToCellText(s.notes),
    ].map((cell) => escapeCell(cell, labels.none)),
  );
  return `${heading}\n\n${table(
    header.map((h) => escapeCell(h, '')),
    rows,
  )}`;
}

function phaseSection(plan: PlanJSON, labels: ExportLabels): string {
  const parts = [`## ${escapeLine(labels.phasesHeading)}`];
  if (plan.phases.length === 0) parts.push(escapeText(labels.noPhases));
  plan.phases.forEach((phase, index) => {
    parts.push(`### ${index + 1}\\. ${escapeLine(phase.title.trim() || labels.untitled)}`);
    parts.push(
      [
        field(labels.phasePeriod, phasePeriod(phase, labels)),
        field(labels.phaseLevel, labels.level(phase.participationLevel)),
      ].join('\n'),
    );
    parts.push(`#### ${escapeLine(labels.phaseGoal)}`, richText(phase.goal, 4, labels));
    parts.push(`#### ${escapeLine(labels.formatsHeading)}`);
    if (phase.formats.length === 0) {
      parts.push(escapeText(labels.noFormats));
      return;
    }
    const c = labels.formatColumns;
    const header = [c.title, c.method, c.dateTime, c.duration, c.mode, c.targets, c.responsible];
    const rows = phase.formats.map((f) =>
      [
        f.title,
        f.method,
        formatWhen(f, labels),
        formatDuration(f, labels),
        formatModePlace(f, labels),
        targetNames(plan, f),
        f.responsible,
      ].map((cell) => escapeCell(cell, labels.none)),
    );
    parts.push(
      table(
        header.map((h) => escapeCell(h, '')),
        rows,
      ),
    );
    for (const format of phase.formats) {
      const details = formatDetails(format, labels);
      if (details !== '') {
        parts.push(`##### ${escapeLine(format.title.trim() || labels.untitled)}`, details);
      }
    }
  });
  return parts.join('\n\n');
}

function formatDetails(
  format: PlanJSON['phases'][number]['formats'][number],
  labels: ExportLabels,
): string {
  const parts: string[] = [];
  if (format.expectedOutput.trim() !== '') {
    parts.push(
      `**${escapeLine(labels.formatExpectedOutput)}:** ${paragraph(format.expectedOutput)}`,
    );
  }
  if (format.resources.trim() !== '') {
    parts.push(`**${escapeLine(labels.formatResources)}:** ${paragraph(format.resources)}`);
  }
  if (!isEmptyRichText(format.description)) {
    parts.push(
      `**${escapeLine(labels.formatDescription)}:**`,
      blocksToMarkdown(richTextToBlocks(format.description), 5),
    );
  }
  return parts.join('\n\n');
}

/** Plain user text as one paragraph: escaped, its line breaks kept as hard breaks. */
function paragraph(text: string): string {
  return escapeText(text.trim()).replace(/\n/g, '\\\n');
}

function resultSection(plan: PlanJSON, labels: ExportLabels): string {
  const parts = [`## ${escapeLine(labels.resultsHeading)}`];
  for (const result of plan.results) {
    parts.push(`### ${escapeLine(labels.resultFor(resultSubject(plan, result, labels)))}`);
    parts.push(`#### ${escapeLine(labels.resultFeedback)}`, richText(result.feedback, 4, labels));
  }
  return parts.join('\n\n');
}

function approvalSection(input: ExportInput, labels: ExportLabels): string {
  const heading = `## ${escapeLine(labels.approvalsHeading)}`;
  const approvals = input.approvals ?? [];
  if (approvals.length === 0) return `${heading}\n\n${escapeText(labels.noApprovals)}`;
  const c = labels.approvalColumns;
  const rows = approvals.map((a) =>
    [
      a.userName,
      labels.role(a.role),
      labels.decision(a.decision),
      labels.dateTime(a.at),
      a.reason,
    ].map((cell) => escapeCell(cell, labels.none)),
  );
  return `${heading}\n\n${table(
    [c.person, c.role, c.decision, c.at, c.reason].map((h) => escapeCell(h, '')),
    rows,
  )}`;
}

function threadSection(input: ExportInput, labels: ExportLabels): string {
  const parts = [`## ${escapeLine(labels.threadsHeading)}`];
  for (const thread of input.openThreads ?? []) {
    parts.push(
      `### ${escapeLine(thread.anchorLabel)}`,
      field(labels.threadStatus, labels.threadStatusName(thread.status)),
    );
    for (const comment of thread.comments) {
      parts.push(
        `**${escapeLine(comment.authorName)}** (${escapeLine(labels.dateTime(comment.at))}):\\\n${paragraph(comment.body)}`,
      );
    }
  }
  return parts.join('\n\n');
}
