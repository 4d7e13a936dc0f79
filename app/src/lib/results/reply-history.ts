/**
 * The history of an answer as the item page shows it: who changed it when and which parts
 * changed, each entry compared with the one before it (the first entry changes what it sets).
 */
import type { ReplyHistoryEntry } from '@prozesswerkstatt/storage';

/** The parts of an answer a history entry can change, in the order the page names them. */
export const HISTORY_PARTS = [
  'decision',
  'reason',
  'response',
  'link',
  'measure',
  'duplicate',
  'cluster',
] as const;
export type HistoryPart = (typeof HISTORY_PARTS)[number];

export interface HistoryRow {
  version: number;
  changedBy: string;
  changedAt: string;
  changed: HistoryPart[];
  entry: ReplyHistoryEntry;
}

function partsOf(entry: ReplyHistoryEntry): Record<HistoryPart, string> {
  return {
    decision: entry.decision ?? '',
    reason: entry.reason,
    response: entry.response,
    link: entry.linkKind && entry.linkId ? `${entry.linkKind}:${entry.linkId}` : '',
    measure: entry.measureId ?? '',
    duplicate: entry.duplicateOfId ?? '',
    cluster: entry.clusterId ?? '',
  };
}

/** `entries` oldest first, as storage lists them; rows newest first, as people read them. */
export function historyRows(entries: readonly ReplyHistoryEntry[]): HistoryRow[] {
  const empty = partsOf({
    version: 0,
    decision: null,
    reason: '',
    response: '',
    linkKind: null,
    linkId: null,
    measureId: null,
    duplicateOfId: null,
    clusterId: null,
    changedBy: '',
    changedAt: '',
  });
  let before = empty;
  const rows = entries.map((entry) => {
    const after = partsOf(entry);
    const changed = HISTORY_PARTS.filter((part) => after[part] !== before[part]);
    before = after;
    return {
      version: entry.version,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      changed,
      entry,
    };
  });
  return rows.reverse();
}
