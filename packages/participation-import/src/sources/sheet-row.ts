/** One row of a table-shaped file as text cells, with the line it starts on. */
export interface SheetRow {
  /** 1-based: the CSV line the record starts on, or the XLSX sheet row number. */
  line: number;
  /** The cells as text, left to right; missing trailing cells are absent. */
  cells: string[];
}

/** True when every cell is empty or blank (such rows are skipped, as spreadsheets pad them). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
