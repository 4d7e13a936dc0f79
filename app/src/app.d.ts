// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/users';

declare global {
  namespace App {
    // interface Error {}
    interface Locals {
      /** The signed-in account, resolved from the session cookie by `hooks.server.ts`; null if none. */
      user: SessionUser | null;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
