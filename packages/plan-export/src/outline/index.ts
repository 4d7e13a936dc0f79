/**
 * Entry point `@prozesswerkstatt/plan-export/outline`: the plan's outline and what a renderer
 * needs to draw it. Browser-safe (no `docx`, no `jszip`), for the app's print view.
 */
export type { Block, Fact, HeadingLevel, ListItem, OutlineBlock, Run, Section } from './outline.js';
export { planOutline, type OutlineOptions } from './plan-outline.js';
export { guidelineSection } from './guideline-section.js';
export type { ExportLabels, GuidelineLabels } from '../input.js';
export { safeHref } from '../rich-blocks.js';
export { resultsReportOutline, representativeQuotes } from '../results/report-outline.js';
export { weighingTable, weighingTableOutline } from '../results/weighing-outline.js';
export type {
  ReportContribution,
  ReportMeasure,
  ReportTheme,
  ResultsReportInput,
  ResultsReportLabels,
  WeighingAudience,
} from '../results/report-input.js';
