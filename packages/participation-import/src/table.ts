/**
 * Turns header + rows of a table-shaped file into per-row lookups by column name, so each format
 * only says which headers mean what. Headers match case-insensitively with spaces, `_`, `*` and
 * `:` evened out (`matchKey`); unknown columns are ignored and reported once.
 */
import { excerpt, type ImportIssue, type ImportIssueCode } from './issues.js';
import { matchKey } from './values.js';

/**
 * A cell without the apostrophe that exporters (Decidim, ours) put before a leading `=`, `+`,
 * `-` or `@` so spreadsheets do not run it as a formula.
 */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** A cell that a spreadsheet would run as a formula, prefixed with `'` (CSV exports). */
export function escapeFormula(cell: string): string {
  return /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

/** The header of a file: the columns by match key. */
export class TableHeader {
  /** Column index by match key (the first column wins when a header repeats). */
  private readonly index = new Map<string, number>();

  constructor(
    /** The header cells as written. */
    readonly columns: readonly string[],
    /** The header's line in the file. */
    readonly line: number,
  ) {
    columns.forEach((column, i) => {
      const key = matchKey(column);
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The index of the first of `names` present, or -1. */
  find(names: readonly string[]): number {
    for (const name of names) {
      const i = this.index.get(matchKey(name));
      if (i !== undefined) return i;
    }
    return -1;
  }

  /** True when one of `names` is a column. */
  has(names: readonly string[]): boolean {
    return this.find(names) !== -1;
  }

  /** Match keys of all columns. */
  keys(): string[] {
    return [...this.index.keys()];
  }

  /** Columns whose match key starts with `prefix` (e.g. `title/` for `title/de`). */
  withPrefix(prefix: string): { column: string; rest: string; index: number }[] {
    const key = matchKey(prefix);
    const out: { column: string; rest: string; index: number }[] = [];
    for (const [name, index] of this.index) {
      if (name.startsWith(key))
        out.push({ column: this.columns[index]!, rest: name.slice(key.length), index });
    }
    return out;
  }
}

/** One data row: cells by column name, and the issues found in it. */
export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    readonly header: TableHeader,
    readonly line: number,
    private readonly cells: readonly string[],
  ) {}

  /** The cell under the first of `names` present, with that column's header; null if none. */
  cell(names: readonly string[]): { value: string; column: string } | null {
    const i = this.header.find(names);
    if (i === -1) return null;
    return { value: this.at(i), column: this.header.columns[i]! };
  }

  /** The cell's text under the first of `names` present ('' if absent). */
  text(names: readonly string[]): string {
    return this.cell(names)?.value ?? '';
  }

  /** The cell at a column index, without the `'` spreadsheet exports put before `=+-@`. */
  at(index: number): string {
    return unescapeFormula(this.cells[index] ?? '');
  }

  /** Records an error (the row will be dropped). */
  error(
    code: ImportIssueCode,
    field: string,
    message: string,
    extra: Partial<ImportIssue> = {},
  ): void {
    this.issues.push({ code, severity: 'error', line: this.line, field, message, ...extra });
  }

  /** Records a warning (the row is kept). */
  warning(
    code: ImportIssueCode,
    field: string,
    message: string,
    extra: Partial<ImportIssue> = {},
  ): void {
    this.issues.push({ code, severity: 'warning', line: this.line, field, message, ...extra });
  }

  /** Records a value that could not be read, naming the column and (if not personal) the value. */
  badValue(
    code: ImportIssueCode,
    field: string,
    column: string,
    value: string,
    options: { personal?: boolean } = {},
  ): void {
    this.error(code, field, `${column}: cannot read ${JSON.stringify(excerpt(value))}`, {
      column,
      ...(options.personal ? {} : { value: excerpt(value) }),
    });
  }

  /** True when an error (not only a warning) was recorded. */
  hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }
}
