/**
 * Whether the live plan still says what was approved: compared with the approved version's
 * content key (plan-model's `planContentKey`) after every change, a little delayed so typing
 * does not serialize the plan on each keystroke. Undoing an edit makes the plan unchanged again.
 */
import { isPlan, planContentKey, planToJSON } from '@prozesswerkstatt/plan-model';
import type * as Y from 'yjs';

/** How long after the last change the comparison runs. */
const SETTLE_MS = 300;

export class ApprovalDrift {
  /** True when the plan's content differs from the approved version's. */
  changed = $state(false);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUpdate = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compare(), SETTLE_MS);
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly approvedKey: string,
  ) {
    doc.on('update', this.onUpdate);
  }

  /** Compares now (also right after the first sync). */
  compare(): void {
    if (!isPlan(this.doc)) return; // not synced yet
    this.changed = planContentKey(planToJSON(this.doc)) !== this.approvedKey;
  }

  /** Stops watching. */
  destroy(): void {
    clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
  }
}
