import type { SuggestionInput, SuggestionOptions, ThemeSuggestions } from '../types.js';

/** What the thread is started with (`workerData.request`, structured-cloned). */
export interface ThreadRequest {
  input: SuggestionInput;
  options: Partial<SuggestionOptions>;
}

/** The thread's one message: the suggestions, the input error, or an unexpected failure. */
export type ThreadReply =
  | { ok: true; suggestions: ThemeSuggestions }
  | { ok: false; inputError: { path: string; problem: string } }
  | { ok: false; failure: string };
