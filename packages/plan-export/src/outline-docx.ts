/**
 * An outline as the body of a Word document. The title (level 1) takes Word's "Title" style;
 * a section of level n takes "Heading n-1", so the plan's parts are Heading 1.
 */
import { Paragraph, type FileChild, type ParagraphChild } from 'docx';
import {
  blockParagraphs,
  dataTable,
  heading,
  labelled,
  paragraph,
  richRuns,
  textRuns,
} from './docx-parts.js';
import type { OutlineBlock, Run, Section } from './outline/outline.js';

/** The paragraphs and tables of an outline; each ordered list gets its own numbering. */
export function outlineToDocx(sections: readonly Section[]): FileChild[] {
  let listInstances = 0;
  const nextListInstance = () => ++listInstances;

  const section = (s: Section): FileChild[] => {
    const text = s.number === undefined ? s.heading : `${s.number}. ${s.heading}`;
    const head =
      s.level === 1
        ? new Paragraph({ heading: 'Title', children: textRuns(text) })
        : heading(text, s.level - 1);
    return [head, ...s.content.flatMap((b) => block(b, s.level))];
  };

  const block = (b: OutlineBlock, level: number): FileChild[] => {
    switch (b.kind) {
      case 'section':
        return section(b.section);
      case 'facts':
        return b.facts.map((fact) => labelled(fact.label, fact.value));
      case 'paragraph':
        if (b.lead === undefined) return [new Paragraph({ children: plainRuns(b.runs) })];
        if (b.runs.length === 0) return [paragraph(`${b.lead}:`, { bold: true })];
        return [
          new Paragraph({
            children: [...textRuns(`${b.lead}: `, { bold: true }), ...plainRuns(b.runs)],
          }),
        ];
      case 'text':
        // Word's headings are one level above the outline's (the title is not Heading 1).
        return blockParagraphs(b.blocks, level - 1, nextListInstance);
      case 'table':
        return [dataTable(b.header, b.rows)];
      case 'statement':
        return [paragraph(`${b.who} (${b.when}):`, { bold: true }), paragraph(b.text)];
    }
  };

  return sections.flatMap(section);
}

/** Runs of a paragraph: unstyled text stays a plain run; styles and links as in rich text. */
function plainRuns(runs: readonly Run[]): ParagraphChild[] {
  return runs.flatMap((run) =>
    run.bold || run.italic || run.href !== undefined ? richRuns([run]) : textRuns(run.text),
  );
}
