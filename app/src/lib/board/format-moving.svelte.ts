/**
 * Moving formats on the timeline by whole days, keeping their Berlin time of day
 * (`shiftPlanDateTime`): by keyboard on a focused ◆ (arrow keys, one day or with Shift a week;
 * each press is written at once and announced) and by pointer (dragged along the lane, written
 * once on drop, so one drag is one undo step). Escape cancels a drag, or takes back the keyboard
 * moves made since the marker got focus. Formats without a date are not on the axis, so never
 * moved here.
 */
import { shiftPlanDateTime, updateFormat, type Format } from '@prozesswerkstatt/plan-model';
import type { BoardConnection } from './board-connection';
import { daysForPixels, type TimelineRange } from './timeline-layout';
import { tryWrite } from './write';

/** Pixels a pointer travels before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD = 4;

interface FormatDrag {
  formatId: string;
  pointerId: number;
  element: HTMLElement;
  startX: number;
  axisPixels: number;
  range: TimelineRange;
  from: string;
  moved: boolean;
  days: number;
}

export class FormatMoving {
  /** The drag in progress (its preview is drawn instead of the format's date-time). */
  drag = $state<FormatDrag | null>(null);
  /** The date-time a format had when its marker got focus, for Escape. */
  private baseline: { formatId: string; dateTime: string } | null = null;

  constructor(
    private readonly conn: BoardConnection,
    /** Called after every write, with the format and the date-time it has now. */
    private readonly report: (format: Format, dateTime: string, reverted: boolean) => void,
  ) {}

  /** The date-time to draw for `format`: the drag's preview while it is dragged. */
  dateTimeShown(format: Format): string | null {
    const drag = this.drag;
    if (!drag?.moved || drag.formatId !== format.id) return format.dateTime;
    return shiftPlanDateTime(drag.from, drag.days) ?? format.dateTime;
  }

  private write(format: Format, dateTime: string, reverted: boolean): boolean {
    const written = tryWrite(() =>
      updateFormat(this.conn.doc, format.id as Format['id'], { dateTime }, this.conn.origin),
    );
    if (!written) return false;
    this.report(format, dateTime, reverted);
    return true;
  }

  /** Remembers the date-time a format has when its marker gets focus ("since focus"). */
  focus(format: Format): void {
    this.baseline = format.dateTime ? { formatId: format.id, dateTime: format.dateTime } : null;
  }

  /** Keys on a focused marker; returns true when the key was used. */
  key(event: KeyboardEvent, format: Format): boolean {
    if (event.key === 'Escape') {
      if (this.drag) {
        this.cancelDrag();
        return true;
      }
      return this.revert(format);
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return false;
    if (this.conn.readOnly || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (!format.dateTime) return false;
    const days = (event.key === 'ArrowLeft' ? -1 : 1) * (event.shiftKey ? 7 : 1);
    const moved = shiftPlanDateTime(format.dateTime, days);
    if (moved === null) return false;
    this.write(format, moved, false);
    return true;
  }

  private revert(format: Format): boolean {
    const baseline = this.baseline;
    if (!baseline || baseline.formatId !== format.id || baseline.dateTime === format.dateTime)
      return false;
    return this.write(format, baseline.dateTime, true);
  }

  /** A press on a marker; the axis is the row's lane (its width is the whole range). */
  pointerDown(event: PointerEvent, format: Format, range: TimelineRange, axis: HTMLElement): void {
    const from = format.dateTime;
    if (this.conn.readOnly || !from || event.button !== 0 || !event.isPrimary) return;
    const element = event.currentTarget as HTMLElement;
    element.setPointerCapture(event.pointerId);
    this.drag = {
      formatId: format.id,
      pointerId: event.pointerId,
      element,
      startX: event.clientX,
      axisPixels: axis.getBoundingClientRect().width,
      range,
      from,
      moved: false,
      days: 0,
    };
  }

  pointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.startX;
    if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
    drag.moved = true;
    drag.days = daysForPixels(drag.range, dx, drag.axisPixels);
  }

  /** The drop: writes the dragged date-time when it moved by at least a day. */
  pointerUp(event: PointerEvent, formats: readonly Format[]): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.cancelDrag();
    const format = formats.find((f) => f.id === drag.formatId);
    if (!drag.moved || drag.days === 0 || !format) return;
    const moved = shiftPlanDateTime(drag.from, drag.days);
    if (moved !== null) this.write(format, moved, false);
  }

  /** Ends a drag without writing anything. */
  cancelDrag(): void {
    const drag = this.drag;
    if (!drag) return;
    if (drag.element.hasPointerCapture(drag.pointerId))
      drag.element.releasePointerCapture(drag.pointerId);
    this.drag = null;
  }
}
