import type { FormatJSON, PhaseJSON, PlanJSON, RichTextJSON } from '@prozesswerkstatt/plan-model';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, type FileChild } from 'docx';
import JSZip from 'jszip';
import {
  ORDERED_LIST,
  blockParagraphs,
  dataTable,
  heading,
  labelled,
  paragraph,
  textRuns,
} from './docx-parts.js';
import type { ExportInput, ExportLabels } from './input.js';
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

/**
 * The plan (or one version of it, with its approval record) as a Word document: title and
 * facts, the overview, a table of stakeholders, each phase with a table of its formats, results,
 * and the approval record with the version's SHA-256. All visible words come from `labels`.
 */
export async function planToDocx(
  input: ExportInput,
  labels: ExportLabels,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = new DocxWriter(labels);
  const title = planTitle(input.plan, labels);
  const children = writer.document(input);
  const document = new Document({
    title,
    creator: input.plan.meta.facilitator || undefined,
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: [0, 1, 2, 3, 4].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  return input.version ? datedAt(bytes, input.version.createdAt) : bytes;
}

/**
 * The DOCX with its "created" and "modified" properties set to `iso` (the docx package always
 * writes the moment of export): a version's file carries the version's date, not today's, in
 * Word's document properties too.
 */
async function datedAt(docx: Uint8Array, iso: string): Promise<Uint8Array<ArrayBuffer>> {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return docx as Uint8Array<ArrayBuffer>;
  const stamp = instant.toISOString();
  const zip = await JSZip.loadAsync(docx);
  const core = zip.file(CORE_PROPERTIES);
  if (core === null) return docx as Uint8Array<ArrayBuffer>;
  const xml = (await core.async('string')).replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    `$1${stamp}$3`,
  );
  zip.file(CORE_PROPERTIES, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) as Promise<
    Uint8Array<ArrayBuffer>
  >;
}

const CORE_PROPERTIES = 'docProps/core.xml';

/** Holds the labels and the ordered-list counter while one document is written. */
class DocxWriter {
  private listInstances = 0;

  constructor(private readonly labels: ExportLabels) {}

  document(input: ExportInput): FileChild[] {
    const { plan } = input;
    const out: FileChild[] = [
      new Paragraph({ heading: 'Title', children: textRuns(planTitle(plan, this.labels)) }),
      ...this.meta(plan, input.version ? null : planStatusText(input, this.labels)),
    ];
    if (input.version) out.push(...this.version(input));
    out.push(...this.overview(plan), ...this.stakeholders(plan), ...this.phases(plan));
    if (plan.results.length > 0) out.push(...this.results(plan));
    if (input.version || (input.approvals?.length ?? 0) > 0) out.push(...this.approvals(input));
    if ((input.openThreads?.length ?? 0) > 0) out.push(...this.threads(input));
    return out;
  }

  private rich(json: RichTextJSON, baseLevel: number): Paragraph[] {
    if (isEmptyRichText(json)) return [paragraph(this.labels.none)];
    return blockParagraphs(richTextToBlocks(json), baseLevel, () => ++this.listInstances);
  }

  private cells(values: readonly string[]): string[] {
    return values.map((v) => orNone(v.trim(), this.labels));
  }

  /** The plan's facts; without the plan status for a version (as in the Markdown export). */
  private meta(plan: PlanJSON, status: string | null): Paragraph[] {
    const l = this.labels;
    return [
      labelled(l.requestingUnit, orNone(plan.meta.requestingUnit, l)),
      labelled(l.facilitator, orNone(plan.meta.facilitator, l)),
      ...(status !== null ? [labelled(l.status, status)] : []),
      labelled(l.createdAt, l.dateTime(plan.meta.createdAt)),
      labelled(l.updatedAt, l.dateTime(plan.meta.updatedAt)),
    ];
  }

  private version(input: ExportInput): FileChild[] {
    const l = this.labels;
    const v = input.version!;
    return [
      heading(l.versionHeading, 1),
      labelled(l.versionLabel, orNone(v.label, l)),
      labelled(l.versionStatus, l.versionStatusName(v.status)),
      labelled(l.versionCreatedAt, l.dateTime(v.createdAt)),
      labelled(l.versionAuthor, orNone(v.authorName, l)),
      labelled(l.versionNote, orNone(v.note, l)),
      labelled(l.versionHash, v.sha256),
    ];
  }

  private overview(plan: PlanJSON): FileChild[] {
    const l = this.labels;
    return [
      heading(l.overviewHeading, 1),
      ...OVERVIEW_ORDER.flatMap((key) => [
        heading(l.overviewFields[key], 2),
        ...this.rich(plan.overview[key], 2),
      ]),
    ];
  }

  private stakeholders(plan: PlanJSON): FileChild[] {
    const l = this.labels;
    const c = l.stakeholderColumns;
    if (plan.stakeholders.length === 0) {
      return [heading(l.stakeholdersHeading, 1), paragraph(l.noStakeholders)];
    }
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
      this.cells([
        s.name,
        l.group(s.group),
        String(s.power),
        String(s.interest),
        l.level(s.participationLevel),
        s.contactRole,
        richTextToCellText(s.notes),
      ]),
    );
    return [heading(l.stakeholdersHeading, 1), dataTable(header, rows)];
  }

  private phases(plan: PlanJSON): FileChild[] {
    const l = this.labels;
    const out: FileChild[] = [heading(l.phasesHeading, 1)];
    if (plan.phases.length === 0) out.push(paragraph(l.noPhases));
    plan.phases.forEach((phase, index) => out.push(...this.phase(plan, phase, index)));
    return out;
  }

  private phase(plan: PlanJSON, phase: PhaseJSON, index: number): FileChild[] {
    const l = this.labels;
    const out: FileChild[] = [
      heading(`${index + 1}. ${phase.title.trim() || l.untitled}`, 2),
      labelled(l.phasePeriod, phasePeriod(phase, l)),
      labelled(l.phaseLevel, l.level(phase.participationLevel)),
      heading(l.phaseGoal, 3),
      ...this.rich(phase.goal, 3),
      heading(l.formatsHeading, 3),
    ];
    if (phase.formats.length === 0) return [...out, paragraph(l.noFormats)];
    const c = l.formatColumns;
    const header = [c.title, c.method, c.dateTime, c.duration, c.mode, c.targets, c.responsible];
    const rows = phase.formats.map((f) =>
      this.cells([
        f.title,
        f.method,
        formatWhen(f, l),
        formatDuration(f, l),
        formatModePlace(f, l),
        targetNames(plan, f),
        f.responsible,
      ]),
    );
    out.push(dataTable(header, rows));
    for (const format of phase.formats) out.push(...this.formatDetails(format));
    return out;
  }

  private formatDetails(format: FormatJSON): FileChild[] {
    const l = this.labels;
    const out: FileChild[] = [];
    if (format.expectedOutput.trim() !== '') {
      out.push(labelled(l.formatExpectedOutput, format.expectedOutput.trim()));
    }
    if (format.resources.trim() !== '')
      out.push(labelled(l.formatResources, format.resources.trim()));
    if (!isEmptyRichText(format.description)) {
      out.push(
        paragraph(`${l.formatDescription}:`, { bold: true }),
        ...this.rich(format.description, 4),
      );
    }
    return out.length === 0 ? [] : [heading(format.title.trim() || l.untitled, 4), ...out];
  }

  private results(plan: PlanJSON): FileChild[] {
    const l = this.labels;
    const out: FileChild[] = [heading(l.resultsHeading, 1)];
    for (const result of plan.results) {
      out.push(heading(l.resultFor(resultSubject(plan, result, l)), 2));
      out.push(heading(l.resultFeedback, 3), ...this.rich(result.feedback, 3));
    }
    return out;
  }

  private approvals(input: ExportInput): FileChild[] {
    const l = this.labels;
    const c = l.approvalColumns;
    const approvals = input.approvals ?? [];
    if (approvals.length === 0) return [heading(l.approvalsHeading, 1), paragraph(l.noApprovals)];
    const rows = approvals.map((a) =>
      this.cells([a.userName, l.role(a.role), l.decision(a.decision), l.dateTime(a.at), a.reason]),
    );
    const out: FileChild[] = [
      heading(l.approvalsHeading, 1),
      dataTable([c.person, c.role, c.decision, c.at, c.reason], rows),
    ];
    if (input.version) out.push(labelled(l.versionHash, input.version.sha256));
    return out;
  }

  private threads(input: ExportInput): FileChild[] {
    const l = this.labels;
    const out: FileChild[] = [heading(l.threadsHeading, 1)];
    for (const thread of input.openThreads ?? []) {
      out.push(
        heading(thread.anchorLabel, 2),
        labelled(l.threadStatus, l.threadStatusName(thread.status)),
      );
      for (const comment of thread.comments) {
        out.push(
          paragraph(`${comment.authorName} (${l.dateTime(comment.at)}):`, { bold: true }),
          paragraph(comment.body),
        );
      }
    }
    return out;
  }
}
