/**
 * Which other people are in a given field, for marking it with their colour and name.
 */
import { sameTarget, type FocusTarget, type Peer } from '$lib/collab/presence';

/** Other people (not this tab) whose focus is `target`. */
export function peersAt(peers: readonly Peer[], target: FocusTarget): Peer[] {
  return peers.filter((peer) => !peer.self && sameTarget(peer.focus, target));
}

/**
 * Class names marking a field someone else is in: `field-occupied` plus the palette class of the
 * first person there (the outline has one colour; every name is shown by `FieldPresence`).
 */
export function presenceClass(peers: readonly Peer[], target: FocusTarget): string {
  const first = peersAt(peers, target)[0];
  return first ? `field-occupied pc-${first.colorIndex % 8}` : '';
}
