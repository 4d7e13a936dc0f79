/**
 * Keeps a results page (item, cluster) current: listens to the plan's results event stream and
 * calls `onChange` for every change made by someone else, and after the stream reopens (what was
 * missed meanwhile). `onLive` tells whether the stream is open (tests wait for it).
 */
export function watchResults(
  planId: string,
  userId: string,
  onChange: () => void,
  onLive: (live: boolean) => void,
): () => void {
  const source = new EventSource(`/plans/${planId}/results/events`);
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) onChange();
    opened = true;
    onLive(true);
  });
  source.addEventListener('error', () => onLive(false));
  source.addEventListener('result', (event) => {
    const change = JSON.parse((event as MessageEvent<string>).data) as { actorId: string | null };
    // This tab's own saves reload through the form already.
    if (change.actorId !== userId) onChange();
  });
  return () => source.close();
}
