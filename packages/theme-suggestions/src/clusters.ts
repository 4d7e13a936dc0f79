import type { NeighbourGraph } from './neighbours.js';
import { PriorityQueue } from './priority-queue.js';
import { dot, type SparseVector } from './vectors.js';

/** A cluster as the agglomeration leaves it: member indices and the sum of their vectors. */
export interface RawCluster {
  /** Document indices, ascending. */
  members: number[];
  /** Term id → summed weight of the members' unit vectors. */
  centroid: Map<number, number>;
  /** Length of `centroid` as a vector. */
  norm: number;
}

interface Candidate {
  similarity: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

interface Group {
  members: number[];
  /** Null while the group is one document (its own vector is used). */
  centroid: Map<number, number> | null;
  norm: number;
  /** 0 for a single document; a fresh number after every merge. */
  version: number;
  /** Keys of neighbouring groups; may name groups merged since (read them through `find`). */
  adjacent: Set<number>;
}

/**
 * Most full re-checks of all neighbouring pairs once the queue runs dry (see `agglomerate`).
 * Each finds only pairs whose similarity rose after one side grew; a handful suffices.
 */
const MAX_SWEEPS = 20;

/**
 * Agglomerative clustering with centroid linkage, restricted to the neighbour graph: start with
 * every document alone; repeatedly merge the two neighbouring groups whose summed vectors have
 * the highest cosine similarity, as long as it is ≥ `threshold`. Only groups linked by a
 * neighbour edge are compared, so the work grows with N · k, not N².
 *
 * Lazy greedy: a merge does not recompute the pairs of the grown group at once; a queued pair
 * whose side has changed is recomputed when it comes to the top and queued again. When the queue
 * runs dry, a sweep recomputes every neighbouring pair changed since it was last computed, since
 * a grown centroid can come closer to a group it was below the threshold for; clustering ends
 * when a sweep finds nothing to merge (or after `MAX_SWEEPS`).
 *
 * Deterministic: documents are indexed in id order, ties go to the lower indices, and every sum
 * is taken in the same order, so the same input always gives the same clusters. A group's key is
 * its lowest document index.
 */
export function agglomerate(
  vectors: readonly SparseVector[],
  graph: NeighbourGraph,
  threshold: number,
): RawCluster[] {
  const n = vectors.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const groups = new Map<number, Group>();
  for (let i = 0; i < n; i += 1) {
    groups.set(i, { members: [i], centroid: null, norm: 1, version: 0, adjacent: new Set() });
  }
  let nextVersion = 1;
  // Pair key → the two versions it was last computed at, so nothing is computed twice.
  const computed = new Map<number, number>();
  const pairKey = (a: number, b: number) => a * n + b;
  const versionsKey = (va: number, vb: number) => va * 2 ** 26 + vb;
  const queue = new PriorityQueue<Candidate>(
    (x, y) =>
      x.similarity > y.similarity ||
      (x.similarity === y.similarity && (x.a < y.a || (x.a === y.a && x.b < y.b))),
  );

  for (let i = 0; i < n; i += 1) {
    const base = i * graph.k;
    for (let x = 0; x < graph.count[i]!; x += 1) {
      const j = graph.neighbour[base + x]!;
      groups.get(i)!.adjacent.add(j);
      groups.get(j)!.adjacent.add(i);
      const [a, b] = i < j ? [i, j] : [j, i];
      if (computed.has(pairKey(a, b))) continue;
      computed.set(pairKey(a, b), versionsKey(0, 0));
      const similarity = graph.similarity[base + x]!;
      if (similarity >= threshold) queue.push({ similarity, a, b, versionA: 0, versionB: 0 });
    }
  }

  /** Computes the current similarity of two groups and queues it if high enough and new. */
  const reconsider = (x: number, y: number): boolean => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const ga = groups.get(a)!;
    const gb = groups.get(b)!;
    const versions = versionsKey(ga.version, gb.version);
    if (computed.get(pairKey(a, b)) === versions) return false;
    computed.set(pairKey(a, b), versions);
    const similarity = cosine(ga, a, gb, b);
    if (similarity < threshold) return false;
    queue.push({ similarity, a, b, versionA: ga.version, versionB: gb.version });
    return true;
  };

  for (let sweep = 0; sweep <= MAX_SWEEPS; sweep += 1) {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const ga = groups.get(next.a);
      const gb = groups.get(next.b);
      if (ga && gb && ga.version === next.versionA && gb.version === next.versionB) {
        merge(next.a, ga, next.b, gb);
        continue;
      }
      const a = find(next.a);
      const b = find(next.b);
      if (a !== b) reconsider(a, b);
    }
    if (sweep === MAX_SWEEPS) break;
    let queued = false;
    for (const [key, group] of groups) {
      for (const other of group.adjacent) {
        const root = find(other);
        if (root > key && reconsider(key, root)) queued = true;
      }
    }
    if (!queued) break;
  }

  const clusters: RawCluster[] = [];
  for (const [key, group] of [...groups].sort((x, y) => x[0] - y[0])) {
    const centroid = group.centroid ?? centroidOf(key);
    clusters.push({ members: group.members, centroid, norm: group.norm });
  }
  return clusters;

  function centroidOf(doc: number): Map<number, number> {
    const vector = vectors[doc]!;
    const centroid = new Map<number, number>();
    for (let x = 0; x < vector.ids.length; x += 1) centroid.set(vector.ids[x]!, vector.weights[x]!);
    return centroid;
  }

  /** Merges group b into group a (a < b); the result keeps key a and gets a new version. */
  function merge(a: number, ga: Group, b: number, gb: Group): void {
    const centroid = ga.centroid ?? centroidOf(a);
    let squared = ga.norm * ga.norm;
    const add = (term: number, weight: number) => {
      const old = centroid.get(term) ?? 0;
      const now = old + weight;
      squared += now * now - old * old;
      centroid.set(term, now);
    };
    if (gb.centroid) {
      for (const [term, weight] of gb.centroid) add(term, weight);
    } else {
      const vector = vectors[b]!;
      for (let x = 0; x < vector.ids.length; x += 1) add(vector.ids[x]!, vector.weights[x]!);
    }
    // The larger neighbour set absorbs the smaller; stale keys are resolved when read.
    const [adjacent, other] =
      ga.adjacent.size >= gb.adjacent.size
        ? [ga.adjacent, gb.adjacent]
        : [gb.adjacent, ga.adjacent];
    for (const key of other) adjacent.add(key);
    parent[b] = a;
    groups.delete(b);
    groups.set(a, {
      members: mergeSorted(ga.members, gb.members),
      centroid,
      norm: Math.sqrt(Math.max(0, squared)),
      version: nextVersion++,
      adjacent,
    });
  }

  function cosine(x: Group, xKey: number, y: Group, yKey: number): number {
    if (x.norm === 0 || y.norm === 0) return 0;
    let sum = 0;
    if (x.centroid && y.centroid) {
      const [small, large] =
        x.centroid.size <= y.centroid.size ? [x.centroid, y.centroid] : [y.centroid, x.centroid];
      for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
    } else if (x.centroid || y.centroid) {
      const centroid = (x.centroid ?? y.centroid)!;
      const vector = vectors[x.centroid ? yKey : xKey]!;
      for (let k = 0; k < vector.ids.length; k += 1) {
        sum += vector.weights[k]! * (centroid.get(vector.ids[k]!) ?? 0);
      }
    } else {
      sum = dot(vectors[xKey]!, vectors[yKey]!);
    }
    return sum / (x.norm * y.norm);
  }
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
