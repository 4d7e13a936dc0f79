/**
 * @prozesswerkstatt/plan-export — turns a plan (plan-model's canonical JSON, optionally one
 * version with its approvals) into documents: one outline (`planOutline`), drawn as Markdown
 * and DOCX here and as HTML by the app's print view. The words come from the caller.
 */
export type {
  ExportApproval,
  ExportInput,
  ExportLabels,
  ExportThread,
  ExportVersion,
  GuidelineLabels,
} from './input.js';
export { outlineToMarkdown, planToMarkdown } from './markdown.js';
export { planToDocx, sectionsToDocx, type DocxOptions } from './docx.js';
export { outlineToDocx } from './outline-docx.js';
export { fileSlug } from './plan-facts.js';
export {
  guidelineSection,
  planOutline,
  type Fact,
  type HeadingLevel,
  type OutlineBlock,
  type OutlineOptions,
  type Section,
} from './outline/index.js';
export {
  isEmptyRichText,
  richTextToBlocks,
  safeHref,
  type Block,
  type ListItem,
  type Run,
} from './rich-blocks.js';
export {
  resultsReportOutline,
  representativeQuotes,
  weighingTable,
  weighingTableOutline,
  type ReportContribution,
  type ReportMeasure,
  type ReportTheme,
  type ResultsReportInput,
  type ResultsReportLabels,
  type WeighingAudience,
} from './outline/index.js';
export {
  resultsReportToDocx,
  resultsReportToMarkdown,
  weighingTableToDocx,
  weighingTableToXlsx,
} from './results/results-files.js';
