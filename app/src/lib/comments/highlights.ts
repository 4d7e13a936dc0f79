/**
 * Marks commented text with the CSS Custom Highlight API: ranges are registered by name and
 * styled by `::highlight(comment-anchor)` in board.css. Nothing is written into the editor's
 * DOM or the plan, and no inline style is needed (strict CSP). Browsers without the API show
 * no marks; the threads still list the quoted text.
 */
const fields = new Map<string, { ranges: Range[]; active: Range[] }>();

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function registry(): { highlights: HighlightRegistry; make: (ranges: Range[]) => unknown } | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  const Highlight = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown })
    .Highlight;
  if (!css?.highlights || !Highlight) return null;
  return { highlights: css.highlights, make: (ranges) => new Highlight(...ranges) };
}

function rebuild(): void {
  const api = registry();
  if (!api) return;
  const all = [...fields.values()];
  api.highlights.set('comment-anchor', api.make(all.flatMap((f) => f.ranges)));
  api.highlights.set('comment-anchor-active', api.make(all.flatMap((f) => f.active)));
}

/** Replaces the marks of one field. */
export function setFieldHighlights(fieldId: string, ranges: Range[], active: Range[]): void {
  if (ranges.length === 0 && active.length === 0) fields.delete(fieldId);
  else fields.set(fieldId, { ranges, active });
  rebuild();
}
