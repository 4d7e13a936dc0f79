/**
 * The browser side of the results events (`GET /plans/[id]/results/events`): calls `onChange`
 * for each change made by someone else (this tab's own saves come back through its forms), and
 * once more when the stream reopens after a gap, since events sent meanwhile were missed.
 */

/** What an event tells: which kind of row changed, which ids, by whom (no content). */
export interface ResultChange {
  kind: string;
  ids: string[];
  actorId: string | null;
}

/** Starts following; returns the function that stops. `onLive` reports whether the stream is open. */
export function followResults(
  planId: string,
  userId: string,
  onChange: (change: ResultChange | null) => void,
  onLive: (live: boolean) => void = () => undefined,
): () => void {
  const source = new EventSource(`/plans/${planId}/results/events`);
  let opened = false;
  let gap = false;
  source.addEventListener('open', () => {
    if (opened && gap) onChange(null);
    opened = true;
    gap = false;
    onLive(true);
  });
  source.addEventListener('error', () => {
    gap = true;
    onLive(false);
  });
  source.addEventListener('result', (event) => {
    const change = JSON.parse((event as MessageEvent<string>).data) as ResultChange;
    if (change.actorId !== userId) onChange(change);
  });
  return () => source.close();
}
