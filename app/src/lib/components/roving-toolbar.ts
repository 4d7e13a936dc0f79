/**
 * The ARIA toolbar keyboard pattern for a row of buttons: the toolbar is one tab stop (the button
 * used last), ArrowLeft/ArrowRight move between its buttons (wrapping), Home and End go to the
 * first and the last. Without it every rich-text field costs six Tab presses before its text.
 * A Svelte action: `<div role="toolbar" use:rovingToolbar>`.
 */
export function rovingToolbar(node: HTMLElement): { destroy(): void } {
  let current = 0;
  const buttons = () => [...node.querySelectorAll<HTMLButtonElement>(':scope > button')];
  const sync = () => {
    buttons().forEach((button, index) => {
      button.tabIndex = index === current ? 0 : -1;
    });
  };
  const onFocusIn = (event: FocusEvent) => {
    const index = buttons().indexOf(event.target as HTMLButtonElement);
    if (index >= 0 && index !== current) {
      current = index;
      sync();
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const list = buttons();
    if (list.length === 0) return;
    const next = nextIndex(event.key, current, list.length);
    if (next === null) return;
    event.preventDefault();
    current = next;
    sync();
    list[next]?.focus();
  };
  sync();
  node.addEventListener('focusin', onFocusIn);
  node.addEventListener('keydown', onKeyDown);
  return {
    destroy() {
      node.removeEventListener('focusin', onFocusIn);
      node.removeEventListener('keydown', onKeyDown);
    },
  };
}

/** Where a key moves the focus among `count` buttons from `index`; null for other keys. */
export function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
