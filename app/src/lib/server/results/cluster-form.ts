/**
 * The inbox's "group as duplicates" form: the checked items, a name for a new cluster, or the
 * existing cluster to add them to. A new cluster needs two items (one item duplicates nothing);
 * adding needs one.
 */
import { m } from '../../paraglide/messages.js';
import { ID_MAX_LENGTH, formText } from '../form-fields.js';

/** Longest cluster name (storage's limit). */
export const CLUSTER_LABEL_MAX = 200;
/** Most items one request groups (a page of the inbox shows 50). */
export const CLUSTER_SELECTION_MAX = 500;

export type ParsedClusterForm =
  { ok: true; ids: string[]; label: string; clusterId: string } | { ok: false; error: string };

export function parseClusterForm(form: FormData, mode: 'create' | 'add'): ParsedClusterForm {
  const ids = [
    ...new Set(
      form
        .getAll('ids')
        .filter(
          (id): id is string => typeof id === 'string' && id !== '' && id.length <= ID_MAX_LENGTH,
        ),
    ),
  ];
  const label = formText(form, 'label').trim();
  const clusterId = formText(form, 'clusterId');
  if (ids.length > CLUSTER_SELECTION_MAX) {
    return {
      ok: false,
      error: m.results_answer_cluster_error_too_many({ max: CLUSTER_SELECTION_MAX }),
    };
  }
  if (mode === 'create') {
    if (ids.length < 2) return { ok: false, error: m.results_answer_cluster_error_two() };
    if (label.length > CLUSTER_LABEL_MAX) {
      return { ok: false, error: m.results_error_too_long({ max: CLUSTER_LABEL_MAX }) };
    }
    return { ok: true, ids, label, clusterId: '' };
  }
  if (clusterId === '' || clusterId.length > ID_MAX_LENGTH) {
    return { ok: false, error: m.results_answer_cluster_error_pick() };
  }
  if (ids.length < 1) return { ok: false, error: m.results_answer_cluster_error_one() };
  return { ok: true, ids, label: '', clusterId };
}
