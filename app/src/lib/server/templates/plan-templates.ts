/**
 * Starting a plan from a template: one of the built-in templates (`@prozesswerkstatt/plan-templates`)
 * or the binding approved version of a plan ("use as template") — one the user is a member of, or,
 * for accounts that create plans (facilitators), any unarchived plan of the instance with an
 * approved version (the facilitators' network reuses each other's approved work). Only the stored
 * JSON of the approved version is read, never a live document, and every source goes through
 * plan-model's `anonymisePlan` and then the import's path (`planFromJSON`, `storeNewPlan`), so a
 * template-made plan is a new draft led by its creator, like a created or imported one.
 */
import {
  PlanImportError,
  anonymisePlan,
  parsePlanJSON,
  planFromJSON,
  updateMeta,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import {
  PLAN_TEMPLATES,
  findPlanTemplate,
  type TemplateLocale,
} from '@prozesswerkstatt/plan-templates';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import type { Db } from '../db.js';
import { findMemberPlan } from '../membership.js';
import { APP_ORIGIN, storeNewPlan } from '../plans.js';
import { listApprovedPlans } from './approved-plans.js';
import { currentBindingVersionId } from '../versions/approvals.js';
import { getVerifiedVersion } from '../versions/versions.js';
import type { SessionUser } from '../users.js';

/** A built-in template as the picker shows it, in one language. */
export interface TemplateOption {
  /** The form value: `template:<id>`. */
  source: string;
  title: string;
  summary: string;
}

/**
 * A plan with an approved version the user may start from, as the picker shows it: title and
 * requesting unit as approved, and when (no member names or addresses: network plans are other
 * facilitators' work).
 */
export interface TemplatePlanOption {
  /** The form value: `plan:<id>`. */
  source: string;
  planId: string;
  title: string;
  requestingUnit: string;
  /** When the binding version was approved (ISO). */
  approvedAt: string;
}

/** The approved plans a user may start from, in the picker's two groups. */
export interface TemplatePlanGroups {
  /** Plans the user is a member of (any role, archived ones too: they can see them anyway). */
  own: TemplatePlanOption[];
  /** Other unarchived plans of the instance; empty unless the user is a facilitator. */
  network: TemplatePlanOption[];
}

/** The form value of a built-in template. */
export function builtInSource(id: string): string {
  return `template:${id}`;
}

/** The form value of a plan used as template. */
export function planSource(planId: string): string {
  return `plan:${planId}`;
}

/** The built-in templates in `locale`. */
export function builtInOptions(locale: TemplateLocale): TemplateOption[] {
  return PLAN_TEMPLATES.map((template) => ({
    source: builtInSource(template.id),
    title: template.title[locale],
    summary: template.summary[locale],
  }));
}

/**
 * The plans with an approved version `user` may start from, by title: their own (member, any
 * role: every member may read approved versions) and, for facilitators, the network's. Whether the
 * version's hash still checks out is decided when one is used.
 */
export async function listTemplatePlans(db: Db, user: SessionUser): Promise<TemplatePlanGroups> {
  const plans = await listApprovedPlans(db, user.id, user.isFacilitator);
  const option = ({ member: _, ...plan }: (typeof plans)[number]): TemplatePlanOption => ({
    source: planSource(plan.planId),
    ...plan,
  });
  return {
    own: plans.filter((plan) => plan.member).map(option),
    network: plans.filter((plan) => !plan.member).map(option),
  };
}

/** Why a chosen source cannot be used. */
export type TemplateRefusal =
  | 'unknown_template'
  | 'plan_not_found'
  | 'no_approved_version'
  | 'not_in_network'
  | 'integrity'
  | 'invalid';

/** A source resolved to the plan to start from (not yet anonymised). */
export type TemplateSourceResult =
  { ok: true; plan: PlanJSON | null } | { ok: false; refusal: TemplateRefusal };

/**
 * The plan a form's `source` stands for: null for an empty plan (`''`), a built-in template's
 * plan, or the binding approved version of a plan `user` may start from (checked here, on every
 * request). Members may use their plan's approved version; facilitators also any other unarchived
 * plan's (`not_in_network` otherwise — one refusal for missing, archived and unapproved plans, so
 * plan ids cannot be probed); for anyone else a plan they are no member of is "not found".
 */
export async function resolveTemplateSource(
  db: Db,
  user: SessionUser,
  source: string,
): Promise<TemplateSourceResult> {
  if (source === '') return { ok: true, plan: null };
  if (source.startsWith('template:')) {
    const template = findPlanTemplate(source.slice('template:'.length));
    if (!template) return { ok: false, refusal: 'unknown_template' };
    return parsed(template.plan);
  }
  if (!source.startsWith('plan:')) return { ok: false, refusal: 'unknown_template' };
  const planId = source.slice('plan:'.length);
  const member = await findMemberPlan(db, planId, user.id);
  if (member === null) {
    return user.isFacilitator
      ? networkSource(db, planId)
      : { ok: false, refusal: 'plan_not_found' };
  }
  const versionId = await currentBindingVersionId(db, planId);
  if (versionId === null) return { ok: false, refusal: 'no_approved_version' };
  const version = await getVerifiedVersion(db, planId, versionId, member.role);
  if (!version.found) return { ok: false, refusal: 'no_approved_version' };
  if (version.integrity !== 'ok') return { ok: false, refusal: 'integrity' };
  return { ok: true, plan: version.plan };
}

/** The binding approved version of another facilitator's plan, read from its stored JSON. */
async function networkSource(db: Db, planId: string): Promise<TemplateSourceResult> {
  const plan = await db
    .selectFrom('plans')
    .select('archived_at')
    .where('id', '=', planId)
    .executeTakeFirst();
  if (plan === undefined || plan.archived_at !== null) {
    return { ok: false, refusal: 'not_in_network' };
  }
  const versionId = await currentBindingVersionId(db, planId);
  if (versionId === null) return { ok: false, refusal: 'not_in_network' };
  const version = await getVerifiedVersion(db, planId, versionId);
  if (!version.found) return { ok: false, refusal: 'not_in_network' };
  if (version.integrity !== 'ok') return { ok: false, refusal: 'integrity' };
  return { ok: true, plan: version.plan };
}

/** A template's plan validated (and migrated) by plan-model. */
function parsed(input: unknown): TemplateSourceResult {
  try {
    return { ok: true, plan: parsePlanJSON(input) };
  } catch (error) {
    if (error instanceof PlanImportError) return { ok: false, refusal: 'invalid' };
    throw error;
  }
}

/**
 * Creates a new plan from a template's plan: anonymised (plan-model `anonymisePlan`: no names,
 * contacts, notes about people, results or dates), written by `planFromJSON`, titled as the
 * creator chose, led by the creator (facilitator text and member), stored by `storeNewPlan`.
 * Returns the new plan's id.
 */
export async function createPlanFromTemplate(
  db: Db,
  storage: DocumentStorage,
  creator: SessionUser,
  plan: PlanJSON,
  fields: { title: string; requestingUnit: string },
): Promise<string> {
  const now = new Date().toISOString();
  const doc = new Y.Doc();
  planFromJSON(doc, anonymisePlan(plan, now), APP_ORIGIN);
  updateMeta(
    doc,
    {
      title: fields.title,
      requestingUnit: fields.requestingUnit,
      facilitator: creator.name,
      updatedAt: now,
    },
    APP_ORIGIN,
  );
  return storeNewPlan(db, storage, creator, doc, fields);
}
