/**
 * Moving phases on the timeline: by pointer (a bar's start or end handle, or the whole bar, by
 * whole days; written once on drop, so one drag is one undo step) and by keyboard (arrow keys on
 * a focused bar or handle, one day or with Shift a week; each press is written at once, live for
 * everyone, and announced). Escape cancels a drag, or takes back the keyboard moves made since
 * the phase's bar got focus. A move that would end a phase before it starts is refused by
 * plan-model (`end_before_start`); the timeline says so, as the phase's date fields do.
 */
import { updatePhase, type Phase } from '@prozesswerkstatt/plan-model';
import type { BoardConnection } from './board-connection';
import { DayDrag, type DayDragState } from './day-drag.svelte';
import { movedDates, type TimelinePart, type TimelineRange } from './timeline-layout';
import { refusalOf } from './write';

/** Dates of a phase with both set. */
export interface PhaseDates {
  start: string;
  end: string;
}

/** What the timeline says about a move: written, refused as backwards, or taken back. */
export type MoveOutcome = 'moved' | 'reverted' | 'refused';

/**
 * What a phase drag moves: which phase and which part of its bar. The days are added to the
 * phase's dates as they are when drawn and dropped, not as they were at the press: what someone
 * else changed meanwhile (the other end, say) stays.
 */
interface DraggedPhase {
  phaseId: string;
  part: TimelinePart;
}

/** Both dates of a phase, or null while one is missing. */
export function datesOf(phase: Pick<Phase, 'start' | 'end'>): PhaseDates | null {
  return phase.start !== null && phase.end !== null ? { start: phase.start, end: phase.end } : null;
}

export class TimelineEditing {
  private readonly gesture = new DayDrag<DraggedPhase>();
  /** The phase whose last move was refused for ending before its start. */
  refused = $state<string | null>(null);
  /** The dates a phase had when its bar got focus, for Escape. */
  private baseline: { phaseId: string; dates: PhaseDates } | null = null;

  constructor(
    private readonly conn: BoardConnection,
    /** Called after every write attempt, with the phase and the dates it has now. */
    private readonly report: (phase: Phase, outcome: MoveOutcome, dates: PhaseDates) => void,
  ) {}

  /** The drag in progress (its preview is drawn instead of the phase's dates). */
  get drag(): DayDragState<DraggedPhase> | null {
    return this.gesture.state;
  }

  /** The dates to draw for `phase`: the drag's preview while it is dragged. */
  datesShown(phase: Phase): Pick<Phase, 'start' | 'end'> {
    const drag = this.drag;
    const from = datesOf(phase);
    if (!drag?.moved || drag.subject.phaseId !== phase.id || !from) return phase;
    return movedDates(from, drag.subject.part, drag.days);
  }

  /** Writes new dates; false when plan-model refused them. */
  private write(phase: Phase, dates: PhaseDates, outcome: 'moved' | 'reverted'): boolean {
    const refusal = refusalOf(() =>
      updatePhase(this.conn.doc, phase.id as Phase['id'], dates, this.conn.origin),
    );
    if (refusal === 'end_before_start') {
      this.refused = phase.id;
      this.report(phase, 'refused', datesOf(phase) ?? dates);
      return false;
    }
    if (refusal !== null) return false;
    if (this.refused === phase.id) this.refused = null;
    this.report(phase, outcome, dates);
    return true;
  }

  /**
   * Remembers the dates a phase has when its bar gets focus (`enteredBar`), not when focus only
   * moves between the bar's handles: Escape takes back the moves since then, and nothing older.
   */
  focus(phase: Phase, enteredBar: boolean): void {
    const dates = datesOf(phase);
    if (enteredBar || this.baseline?.phaseId !== phase.id) {
      this.baseline = dates ? { phaseId: phase.id, dates } : null;
    }
  }

  /**
   * Keys on a focused bar or handle: arrows move (Shift: a week); Escape cancels a drag or takes
   * the keyboard moves back. Returns true when the key was used.
   */
  key(event: KeyboardEvent, phase: Phase, part: TimelinePart): boolean {
    if (event.key === 'Escape') {
      if (this.drag) {
        this.cancelDrag();
        return true;
      }
      return this.revert(phase);
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return false;
    if (this.conn.readOnly || event.altKey || event.ctrlKey || event.metaKey) return false;
    const dates = datesOf(phase);
    if (!dates) return false;
    const days = (event.key === 'ArrowLeft' ? -1 : 1) * (event.shiftKey ? 7 : 1);
    this.write(phase, movedDates(dates, part, days), 'moved');
    return true;
  }

  private revert(phase: Phase): boolean {
    const baseline = this.baseline;
    const dates = datesOf(phase);
    if (!baseline || baseline.phaseId !== phase.id || !dates) return false;
    if (baseline.dates.start === dates.start && baseline.dates.end === dates.end) return false;
    return this.write(phase, baseline.dates, 'reverted');
  }

  /** A press on a bar or handle; the axis is the row's lane (its width is the whole range). */
  pointerDown(
    event: PointerEvent,
    phase: Phase,
    part: TimelinePart,
    range: TimelineRange,
    axis: HTMLElement,
  ): void {
    if (this.conn.readOnly || !datesOf(phase) || event.button !== 0 || !event.isPrimary) return;
    this.gesture.start(event, { phaseId: phase.id, part }, range, axis);
  }

  pointerMove(event: PointerEvent): void {
    this.gesture.move(event);
  }

  /** The drop: moves the dragged part of the phase's current dates by the days dragged. */
  pointerUp(event: PointerEvent, phases: readonly Phase[]): void {
    const drop = this.gesture.end(event);
    const phase = drop && phases.find((p) => p.id === drop.subject.phaseId);
    const now = phase && datesOf(phase);
    if (!drop || !phase || !now) return;
    this.write(phase, movedDates(now, drop.subject.part, drop.days), 'moved');
  }

  /** Ends a drag without writing anything. */
  cancelDrag(): void {
    this.gesture.cancel();
  }
}
