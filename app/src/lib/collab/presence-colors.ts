/**
 * Presence colours: a fixed palette (so the board needs no inline styles beyond CSS custom
 * properties) whose every colour has at least 4.5:1 contrast with white, so white initials on an
 * avatar and a coloured outline on the white board are both readable (WCAG 1.4.3, 1.4.11).
 */
export const PRESENCE_COLORS = [
  '#1a5fb4',
  '#a51d2d',
  '#26734d',
  '#7b3fa0',
  '#9c4a00',
  '#00666e',
  '#b0185a',
  '#4a5a00',
] as const;

/** A stable palette index for a user id (same person, same colour, in every browser). */
export function colorIndexFor(userId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % PRESENCE_COLORS.length;
}

/** The colour of a palette index (wrapping, so a foreign index still yields a palette colour). */
export function presenceColor(index: number): string {
  const i = Math.abs(Math.trunc(Number.isFinite(index) ? index : 0)) % PRESENCE_COLORS.length;
  return PRESENCE_COLORS[i] as string;
}

/** Up to two initials of a display name, for an avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
