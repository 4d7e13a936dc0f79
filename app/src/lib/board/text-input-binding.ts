/**
 * Binds an `<input>` or `<textarea>` to a plan-model plain text field: each input is applied as
 * one minimal splice at the caret (so two people typing into one field both keep their words),
 * remote changes update the value while the local caret and selection move along with the text
 * around them, and input beyond the field's limit is refused whole and reported (never cut).
 */
import {
  cleanLine,
  minimalSplice,
  PlanValidationError,
  transformIndex,
  type PlainTextField,
  type TextDeltaStep,
} from '@prozesswerkstatt/plan-model';

/** The parts of an input element the binding uses (an interface, so tests need no DOM). */
export interface TextInputElement {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setSelectionRange(start: number, end: number): void;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  ownerDocument: { activeElement: unknown };
}

/** What the binding tells its component. */
export interface TextInputCallbacks {
  /** The field's text changed (local or remote); for the length counter. */
  onValue(value: string): void;
  /** An input would have made the text `attempted` characters long; it was not applied. */
  onRefused(attempted: number): void;
  /** An input was applied (clears a refusal message). */
  onAccepted(): void;
}

/**
 * Connects `element` to `field`; returns the function that disconnects it. What a person types or
 * pastes passes `clean` first (control characters and bidi overrides would otherwise reach every
 * other member's screen and the exports' file names; a textarea passes `cleanMultiline`).
 */
export function bindTextInput(
  element: TextInputElement,
  field: PlainTextField,
  origin: unknown,
  callbacks: TextInputCallbacks,
  clean: (text: string) => string = cleanLine,
): () => void {
  /** The text the element showed after the last sync with the field. */
  let shown = field.value();
  /** Remote changes not yet shown (only while an IME composition is open); null: unknown. */
  let unshown: TextDeltaStep[][] | null = [];
  let composing = false;
  /** True while our own input is written: its change is already on screen. */
  let applying = false;
  element.value = shown;
  callbacks.onValue(shown);

  const focused = () => element.ownerDocument.activeElement === element;

  /** Shows the field's text, keeping the caret and selection on the same characters. */
  function showField(deltas: TextDeltaStep[][] | null): void {
    const value = field.value();
    const start = element.selectionStart ?? 0;
    const end = element.selectionEnd ?? start;
    const move = (index: number) =>
      deltas ? deltas.reduce(transformIndex, index) : Math.min(index, value.length);
    if (element.value !== value) element.value = value;
    if (focused()) element.setSelectionRange(move(start), move(end));
    shown = value;
    unshown = [];
    callbacks.onValue(value);
  }

  function onInput(): void {
    if (composing) return; // the composed text is applied once, when the composition ends
    const caret = element.selectionEnd ?? element.value.length;
    const splice = minimalSplice(shown, element.value, caret);
    if (!splice) return;
    // Remote changes held back during a composition move the local edit along with them.
    const index = unshown ? unshown.reduce(transformIndex, splice.index) : splice.index;
    const insert = clean(splice.insert);
    const current = field.value();
    const next = current.slice(0, index) + insert + current.slice(index + splice.remove);
    if (next.length > field.limit) return refuse(next.length, index);
    applying = true;
    try {
      field.applyInput(next, origin, index + insert.length);
    } catch (error) {
      if (error instanceof PlanValidationError) return refuse(next.length, index);
      throw error;
    } finally {
      applying = false;
    }
    callbacks.onAccepted();
    showField([]);
    if (focused()) {
      const at = index + insert.length;
      element.setSelectionRange(at, at);
    }
  }

  function refuse(attempted: number, index: number): void {
    element.value = field.value();
    shown = element.value;
    unshown = [];
    const at = Math.min(index, shown.length);
    if (focused()) element.setSelectionRange(at, at);
    callbacks.onRefused(attempted);
  }

  const onCompositionStart = () => (composing = true);
  const onCompositionEnd = () => {
    composing = false;
    onInput();
    if (element.value !== field.value()) showField(unshown);
  };

  const stop = field.observe((change) => {
    if (applying) return;
    if (composing) {
      // Writing the value now would break the IME; remember how the text moved.
      unshown = unshown && change.delta ? [...unshown, [...change.delta]] : null;
      return;
    }
    showField(change.delta ? [[...change.delta]] : null);
  });

  element.addEventListener('input', onInput);
  element.addEventListener('compositionstart', onCompositionStart);
  element.addEventListener('compositionend', onCompositionEnd);
  return () => {
    stop();
    element.removeEventListener('input', onInput);
    element.removeEventListener('compositionstart', onCompositionStart);
    element.removeEventListener('compositionend', onCompositionEnd);
  };
}
