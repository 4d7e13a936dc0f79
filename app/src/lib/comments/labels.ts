import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { ElementCount } from './comments-state.svelte';

/** "3 Kommentare, 1 ungelesen", or '' when there are none. */
export function countLabel(count: ElementCount): string {
  if (count.total === 0) return '';
  const total =
    count.total === 1
      ? m.comment_count_one()
      : m.comment_count_many({ count: String(count.total) });
  return count.unread > 0
    ? `${total}, ${m.comment_count_unread({ count: String(count.unread) })}`
    : total;
}

/**
 * A comment's time in the page's language, in Berlin time: the product serves Berlin's
 * administration, and server and browser render the same text.
 */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(getLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}
