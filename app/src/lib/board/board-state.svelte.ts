/**
 * The board's reactive view of the plan: plain snapshots read through plan-model, refreshed once
 * per Yjs transaction through `observePlan` (local and remote changes alike).
 */
import {
  getMeta,
  listFormats,
  listPhases,
  listStakeholders,
  observePlan,
  type Format,
  type Phase,
  type PlanMeta,
  type Stakeholder,
} from '@prozesswerkstatt/plan-model';
import type * as Y from 'yjs';

export class BoardState {
  meta = $state.raw<PlanMeta>();
  stakeholders = $state.raw<Stakeholder[]>([]);
  phases = $state.raw<Phase[]>([]);
  /** Formats by phase id, each list in its order. */
  // Replaced whole on every refresh (never mutated), so a plain Map in raw state is right.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  formats = $state.raw<ReadonlyMap<string, Format[]>>(new Map());

  private readonly stop: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.refresh();
    this.stop = observePlan(doc, (change) => {
      if (change.parts.size === 1 && change.parts.has('overview')) return; // editors render it
      this.refresh();
    });
  }

  /** Re-reads every collection (cheap for plans of a few hundred records). */
  refresh(): void {
    this.meta = getMeta(this.doc);
    this.stakeholders = listStakeholders(this.doc);
    this.phases = listPhases(this.doc);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const byPhase = new Map<string, Format[]>();
    for (const format of listFormats(this.doc)) {
      const list = byPhase.get(format.phaseId) ?? [];
      list.push(format);
      byPhase.set(format.phaseId, list);
    }
    this.formats = byPhase;
  }

  /** Formats of one phase. */
  formatsOf(phaseId: string): Format[] {
    return this.formats.get(phaseId) ?? [];
  }

  /** Stops observing. */
  destroy(): void {
    this.stop();
  }
}
