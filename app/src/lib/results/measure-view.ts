/** A measure as the measures page shows it (made on the server by `toMeasureView`). */
export interface MeasureView {
  id: string;
  version: number;
  title: string;
  description: string;
  status: string;
  progress: number;
  startDate: string | null;
  endDate: string | null;
  form: {
    title: string;
    description: string;
    status: string;
    progress: string;
    startDate: string;
    endDate: string;
  };
  milestones: { id: string; title: string; dueDate: string | null; done: boolean }[];
  contributions: { id: string; title: string; excerpt: string; pseudonym: string }[];
}

/** What the measures page shows of an import before it is confirmed. */
export interface MeasureImportPreview {
  fileName: string;
  rows: { line: number; action: 'create' | 'update'; title: string; links: number }[];
  created: number;
  updated: number;
  links: number;
  /** Notes that keep their row (unknown status, proposals without a contribution). */
  warnings: string[];
  /** The checked rows as JSON, for the confirmation. */
  payload: string;
}
