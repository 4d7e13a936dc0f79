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
import { DayDrag, type DayDragState } from './day-drag.svelte';
import type { TimelineRange } from './timeline-layout';
import { tryWrite } from './write';

/**
 * What a format drag moves: which format. The days are added to its date-time as it is when
 * drawn and dropped, so a time of day someone else typed meanwhile stays.
 */
interface DraggedFormat {
  formatId: string;
}

export class FormatMoving {
  private readonly gesture = new DayDrag<DraggedFormat>();
  /** The date-time a format had when its marker got focus, for Escape. */
  private baseline: { formatId: string; dateTime: string } | null = null;

  constructor(
    private readonly conn: BoardConnection,
    /** Called after every write, with the format and the date-time it has now. */
    private readonly report: (format: Format, dateTime: string, reverted: boolean) => void,
  ) {}

  /** The drag in progress (its preview is drawn instead of the format's date-time). */
  get drag(): DayDragState<DraggedFormat> | null {
    return this.gesture.state;
  }

  /** The date-time to draw for `format`: the drag's preview while it is dragged. */
  dateTimeShown(format: Format): string | null {
    const drag = this.drag;
    if (!drag?.moved || drag.subject.formatId !== format.id || !format.dateTime) {
      return format.dateTime;
    }
    return shiftPlanDateTime(format.dateTime, drag.days) ?? format.dateTime;
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
    if (this.conn.readOnly || !format.dateTime || event.button !== 0 || !event.isPrimary) return;
    this.gesture.start(event, { formatId: format.id }, range, axis);
  }

  pointerMove(event: PointerEvent): void {
    this.gesture.move(event);
  }

  /** The drop: moves the format's current date-time by the days dragged. */
  pointerUp(event: PointerEvent, formats: readonly Format[]): void {
    const drop = this.gesture.end(event);
    const format = drop && formats.find((f) => f.id === drop.subject.formatId);
    if (!drop || !format?.dateTime) return;
    const moved = shiftPlanDateTime(format.dateTime, drop.days);
    if (moved !== null) this.write(format, moved, false);
  }

  /** Ends a drag without writing anything. */
  cancelDrag(): void {
    this.gesture.cancel();
  }
}
