import { AlignmentType, Document, LevelFormat, Packer, PageOrientation } from 'docx';
import JSZip from 'jszip';
import { ORDERED_LIST } from './docx-parts.js';
import type { ExportInput, ExportLabels } from './input.js';
import { outlineToDocx } from './outline-docx.js';
import type { Section } from './outline/outline.js';
import { planOutline } from './outline/plan-outline.js';
import { planTitle } from './plan-facts.js';

/**
 * The plan (or one version of it, with its approval record) as a Word document: title and
 * facts, the overview, a table of stakeholders, each phase with a table of its formats, results,
 * and the approval record with the version's SHA-256. All visible words come from `labels`.
 */
export async function planToDocx(
  input: ExportInput,
  labels: ExportLabels,
): Promise<Uint8Array<ArrayBuffer>> {
  const { plan, ...options } = input;
  const sections = planOutline(plan, labels, options);
  const bytes = await sectionsToDocx(sections, {
    title: planTitle(plan, labels),
    creator: input.plan.meta.facilitator || undefined,
  });
  return input.version ? datedAt(bytes, input.version.createdAt) : bytes;
}

/** Options of {@link sectionsToDocx}. */
export interface DocxOptions {
  /** The document's title property. */
  title: string;
  /** The document's author property; none by default. */
  creator?: string;
  /** Pages in landscape (wide tables); portrait by default. */
  landscape?: boolean;
}

/** Any outline as a Word document (the plan, the results report, the weighing table). */
export async function sectionsToDocx(
  sections: readonly Section[],
  options: DocxOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const children = outlineToDocx(sections);
  const document = new Document({
    title: options.title,
    creator: options.creator,
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
    sections: [
      {
        ...(options.landscape
          ? { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } } }
          : {}),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
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
