/**
 * The entries of a top-level JSON array (Decidim's JSON exports), streamed: the text is scanned
 * for where each element starts and ends (outside strings, by bracket depth) and each element is
 * parsed on its own, so memory holds one entry, not the file. Each entry comes with the line it
 * starts on.
 */
import { ImportFileError, fileIssue } from '../issues.js';
import { countedBytes, type ProgressMeter, type FileChunks } from '../progress.js';

/** One array element and the line its text starts on. */
export interface JsonEntry {
  line: number;
  value: unknown;
}

/** Options of {@link readJsonEntries}. */
export interface JsonReadOptions {
  /** The longest single entry in characters (default 1,000,000). */
  maxEntryChars?: number;
}

/** Entries of the top-level array, one at a time. */
export async function* readJsonEntries(
  input: FileChunks,
  meter: ProgressMeter,
  options: JsonReadOptions = {},
): AsyncGenerator<JsonEntry> {
  const maxEntry = options.maxEntryChars ?? 1_000_000;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let started = false; // seen the opening `[`
  let ended = false; // seen the closing `]`
  let depth = 0; // bracket depth inside the current element
  let inString = false;
  let escaped = false;
  let entry = '';
  let entryLine = 0;

  const fail = (message: string): never => {
    throw new ImportFileError(fileIssue('unreadable_file', message, { line }));
  };

  for await (const chunk of countedBytes(input, meter)) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError(
        fileIssue('not_utf8', `the file is not UTF-8 text (near line ${line})`, { line }),
      );
    }
    let from = 0; // start of the element text within this chunk, if one is open
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i]!;
      if (char === '\n') line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (!started) {
        if (char === '[') started = true;
        else if (!/[\s\uFEFF]/.test(char)) fail('the file is not a JSON array of entries');
        continue;
      }
      if (ended) {
        if (!/\s/.test(char)) fail(`unexpected text after the end of the array at line ${line}`);
        continue;
      }
      if (depth === 0) {
        if (char === '{' || char === '[' || char === '"') {
          depth = char === '"' ? 0 : 1;
          inString = char === '"';
          entry = '';
          entryLine = line;
          from = i;
          if (char === '"') fail(`entry at line ${line} is not an object`);
        } else if (char === ']') {
          ended = true;
        } else if (char !== ',' && !/\s/.test(char)) {
          fail(`entry at line ${line} is not an object`);
        }
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth === 0) {
          entry += text.slice(from, i + 1);
          let value: unknown;
          try {
            value = JSON.parse(entry);
          } catch (error) {
            fail(`entry at line ${entryLine} is not valid JSON: ${(error as Error).message}`);
          }
          entry = '';
          yield { line: entryLine, value };
        }
      }
    }
    if (depth > 0) {
      entry += text.slice(from);
      if (entry.length > maxEntry) fail(`entry at line ${entryLine} is too long`);
    }
  }
  if (!started) throw new ImportFileError(fileIssue('empty_file', 'the file holds no JSON array'));
  if (!ended || depth > 0 || inString) fail('the JSON array is not closed (file cut short?)');
}
