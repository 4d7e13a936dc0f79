/**
 * @prozesswerkstatt/plan-export — turns a plan (plan-model's canonical JSON, optionally one
 * version with its approvals) into documents: Markdown and DOCX. The words come from the caller.
 */
export type {
  ExportApproval,
  ExportInput,
  ExportLabels,
  ExportThread,
  ExportVersion,
} from './input.js';
export { planToMarkdown } from './markdown.js';
export { planToDocx } from './docx.js';
export { fileSlug } from './plan-facts.js';
export {
  isEmptyRichText,
  richTextToBlocks,
  safeHref,
  type Block,
  type ListItem,
  type Run,
} from './rich-blocks.js';
