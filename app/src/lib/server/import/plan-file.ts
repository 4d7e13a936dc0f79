/**
 * Reads an uploaded plan file: size, UTF-8, JSON syntax, then plan-model's validation (with
 * migration of older schema versions). Each way to fail is its own named result, so the page
 * can say exactly what is wrong; nothing here writes anything.
 */
import {
  PlanImportError,
  jsonInlineContributions,
  parsePlanJSON,
  type InlineContribution,
  type PlanIssue,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';

/** Largest accepted plan file: 5 MB, far above a real plan (a large one is a few hundred kB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting of arrays/objects accepted. A real plan is a few dozen levels deep (nested
 * lists in rich text); far deeper input would exhaust the stack of the recursive validation.
 */
export const MAX_NESTING = 200;

/** Why a file is not a plan. */
export type PlanFileProblem =
  | { kind: 'too_large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'encoding' }
  | { kind: 'syntax'; line: number | null; column: number | null }
  | { kind: 'too_deep' }
  | { kind: 'not_object' }
  | { kind: 'schema_version'; found: unknown }
  | { kind: 'invalid'; issues: readonly PlanIssue[]; input: unknown };

/**
 * The outcome of {@link readPlanFile}: the plan, and the contributions a file of schema 3 or older
 * holds inline (the migration drops them from the plan; the import stores them in the tables).
 */
export type PlanFileResult =
  | { ok: true; plan: PlanJSON; contributions: InlineContribution[] }
  | { ok: false; problem: PlanFileProblem };

/** Checks the size of an upload before it is read. */
export function checkPlanFileSize(bytes: number): PlanFileProblem | null {
  if (bytes === 0) return { kind: 'empty' };
  return bytes > MAX_IMPORT_BYTES ? { kind: 'too_large', bytes } : null;
}

/** Reads and validates the bytes of a plan file. */
export function readPlanFile(bytes: Uint8Array): PlanFileResult {
  const sizeProblem = checkPlanFileSize(bytes.byteLength);
  if (sizeProblem) return { ok: false, problem: sizeProblem };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: { kind: 'encoding' } };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'syntax', ...syntaxPosition(text, error) } };
  }
  if (nestingDepth(input) > MAX_NESTING) return { ok: false, problem: { kind: 'too_deep' } };
  try {
    const plan = parsePlanJSON(input);
    return { ok: true, plan, contributions: jsonInlineContributions(input) };
  } catch (error) {
    if (!(error instanceof PlanImportError)) throw error;
    const first = error.issues[0];
    if (first?.code === 'not_object') return { ok: false, problem: { kind: 'not_object' } };
    if (first?.code === 'schema_version') {
      const found = (input as Record<string, unknown>)['schemaVersion'];
      return { ok: false, problem: { kind: 'schema_version', found } };
    }
    return { ok: false, problem: { kind: 'invalid', issues: error.issues, input } };
  }
}

/**
 * Line and column (1-based) of a JSON syntax error, from V8's message ("… at position 12" or
 * "(line 2 column 5)"); the end of the text for "Unexpected end of JSON input".
 */
export function syntaxPosition(
  text: string,
  error: unknown,
): { line: number | null; column: number | null } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON/i.test(message) ? text.length : null;
  if (offset === null) return { line: null, column: null };
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The deepest nesting of arrays and objects in a JSON value, measured without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Object.values(node)) stack.push([child, level]);
  }
  return deepest;
}
