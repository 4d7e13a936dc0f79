/**
 * Open/closed state of a disclosure on the board, remembered in this browser (`localStorage`),
 * so a panel someone works with opens again on the next visit. Without storage (disabled,
 * private mode) it just starts closed.
 */
export class RememberedOpen {
  open = $state(false);

  /** `key`: the `localStorage` key, e.g. `pw.board.raciOpen`. */
  constructor(private readonly key: string) {
    try {
      this.open = globalThis.localStorage?.getItem(key) === '1';
    } catch {
      this.open = false;
    }
  }

  /** Opens or closes and remembers it. */
  toggle(): void {
    this.open = !this.open;
    try {
      globalThis.localStorage?.setItem(this.key, this.open ? '1' : '0');
    } catch {
      // storage disabled: it starts closed next time
    }
  }
}
