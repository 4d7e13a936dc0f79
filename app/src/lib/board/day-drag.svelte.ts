/**
 * One pointer dragging something along a timeline lane, counted in whole days: the gesture that
 * moving phases (`timeline-editing.svelte.ts`) and moving formats (`format-moving.svelte.ts`)
 * share. It captures the pointer, turns a press into a drag only after a few pixels (a click
 * stays a click) and converts the distance into days of the lane's range. What is dragged and
 * what a drop writes is the caller's: `subject` says it.
 */
import { daysForPixels, type TimelineRange } from './timeline-layout';

/** Pixels a pointer travels before a press becomes a drag. */
const DRAG_THRESHOLD = 4;

/** A drag in progress. */
export interface DayDragState<S> {
  subject: S;
  pointerId: number;
  element: HTMLElement;
  startX: number;
  axisPixels: number;
  range: TimelineRange;
  moved: boolean;
  days: number;
}

export class DayDrag<S> {
  /** The drag in progress (callers draw its preview from `subject` and `days`). */
  state = $state<DayDragState<S> | null>(null);

  /** A press on a draggable element; the axis is the row's lane (its width is the whole range). */
  start(event: PointerEvent, subject: S, range: TimelineRange, axis: HTMLElement): void {
    const element = event.currentTarget as HTMLElement;
    element.setPointerCapture(event.pointerId);
    this.state = {
      subject,
      pointerId: event.pointerId,
      element,
      startX: event.clientX,
      axisPixels: axis.getBoundingClientRect().width,
      range,
      moved: false,
      days: 0,
    };
  }

  move(event: PointerEvent): void {
    const drag = this.state;
    if (!drag || event.pointerId !== drag.pointerId) return;
    // No button held: the release went where we could not hear it (outside the window, after
    // the captured element left the page). The drag ends unwritten rather than drop on a later click.
    if (event.buttons === 0) {
      this.cancel();
      return;
    }
    const dx = event.clientX - drag.startX;
    if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
    drag.moved = true;
    drag.days = daysForPixels(drag.range, dx, drag.axisPixels);
  }

  /** The drop: the subject and its days when the drag moved it by at least a day, else null. */
  end(event: PointerEvent): { subject: S; days: number } | null {
    const drag = this.state;
    if (!drag || event.pointerId !== drag.pointerId) return null;
    this.cancel();
    return drag.moved && drag.days !== 0 ? { subject: drag.subject, days: drag.days } : null;
  }

  /** Ends a drag without a drop. */
  cancel(): void {
    const drag = this.state;
    if (!drag) return;
    if (drag.element.hasPointerCapture(drag.pointerId))
      drag.element.releasePointerCapture(drag.pointerId);
    this.state = null;
  }
}
