import type { ExportInput, ExportLabels } from './input.js';
import {
  blocksToMarkdown,
  escapeCell,
  escapeLine,
  escapeText,
  inline,
  table,
} from './markdown-text.js';
import type { OutlineBlock, Section } from './outline/outline.js';
import { planOutline } from './outline/plan-outline.js';

/**
 * The plan (or one version of it, with its approval record) as a Markdown document (CommonMark
 * with GFM tables). All user text is escaped; all other text comes from `labels`.
 */
export function planToMarkdown(input: ExportInput, labels: ExportLabels): string {
  const { plan, ...options } = input;
  return outlineToMarkdown(planOutline(plan, labels, options));
}

/** An outline as Markdown: its parts one blank line apart, ending with a newline. */
export function outlineToMarkdown(sections: readonly Section[]): string {
  return `${sections.flatMap(sectionParts).join('\n\n')}\n`;
}

function sectionParts(section: Section): string[] {
  const number = section.number === undefined ? '' : `${section.number}\\. `;
  return [
    `${'#'.repeat(section.level)} ${number}${escapeLine(section.heading)}`,
    ...section.content.flatMap((block) => blockParts(block, section.level)),
  ];
}

function blockParts(block: OutlineBlock, level: number): string[] {
  switch (block.kind) {
    case 'section':
      return sectionParts(block.section);
    case 'facts':
      return [
        block.facts
          .map(
            (fact) =>
              `- **${escapeLine(fact.label)}:** ${
                fact.code ? `\`${fact.value.replace(/[`\r\n]/g, '')}\`` : escapeLine(fact.value)
              }`,
          )
          .join('\n'),
      ];
    case 'paragraph': {
      const text = inline(block.runs);
      if (block.lead === undefined) return [text];
      const lead = `**${escapeLine(block.lead)}:**`;
      return [block.runs.length === 0 ? lead : `${lead} ${text}`];
    }
    case 'text':
      return [blocksToMarkdown(block.blocks, level)];
    case 'table':
      return [
        table(
          block.header.map((h) => escapeCell(h, '')),
          block.rows.map((row) => row.map((cell) => escapeCell(cell, ''))),
        ),
      ];
    case 'statement':
      return [
        `**${escapeLine(block.who)}** (${escapeLine(block.when)}):\\\n${escapeText(block.text.trim()).replace(/\n/g, '\\\n')}`,
      ];
  }
}
