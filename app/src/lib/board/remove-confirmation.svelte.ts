import { tick } from 'svelte';

/** Focuses the element with `id` once Svelte has rendered the pending state changes. */
export async function focusAfterRender(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}

/**
 * Two-step removal of a record ("Remove" → "Really remove?" / "Cancel") that keeps the focus on
 * the buttons of the same record, so keyboard users never lose their place. The buttons carry the
 * ids `${prefix}-${recordId}-remove` and `${prefix}-${recordId}-confirm`.
 */
export class RemoveConfirmation {
  /** Id of the record whose removal awaits confirmation, if any. */
  pending = $state<string | null>(null);

  constructor(private readonly prefix: string) {}

  /** Shows the confirmation for a record and focuses its "really remove" button. */
  ask(id: string): Promise<void> {
    this.pending = id;
    return focusAfterRender(`${this.prefix}-${id}-confirm`);
  }

  /** Hides the confirmation and returns the focus to the record's "remove" button. */
  cancel(id: string): Promise<void> {
    this.pending = null;
    return focusAfterRender(`${this.prefix}-${id}-remove`);
  }

  /** Forgets the confirmation after the record was removed. */
  done(): void {
    this.pending = null;
  }
}
