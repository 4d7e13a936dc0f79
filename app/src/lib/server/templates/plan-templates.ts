/**
 * Starting a plan from a template: one of the built-in templates (`@prozesswerkstatt/plan-templates`)
 * or the binding approved version of a plan the user is a member of ("use as template"). Both go
 * through plan-model's `anonymisePlan` and then the import's path (`planFromJSON`, `storeNewPlan`),
 * so a template-made plan is a new draft led by its creator, like a created or imported one.
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

/** A plan with an approved version the user may start from, as the picker shows it. */
export interface TemplatePlanOption {
  /** The form value: `plan:<id>`. */
  source: string;
  planId: string;
  title: string;
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
 * The plans `userId` is a member of that have an approved version (any role: every member may
 * read approved versions), by title. Whether the version's hash still checks out is decided when
 * one is used.
 */
export async function listTemplatePlans(db: Db, userId: string): Promise<TemplatePlanOption[]> {
  const rows = await db
    .selectFrom('plans')
    .innerJoin('plan_members', 'plan_members.plan_id', 'plans.id')
    .select(['plans.id', 'plans.title'])
    .where('plan_members.user_id', '=', userId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('versions')
          .select('versions.id')
          .whereRef('versions.doc_name', '=', 'plans.doc_name')
          .where('versions.status', '=', 'approved'),
      ),
    )
    .orderBy('plans.title')
    .execute();
  return rows.map((row) => ({ source: planSource(row.id), planId: row.id, title: row.title }));
}

/** Why a chosen source cannot be used. */
export type TemplateRefusal =
  'unknown_template' | 'plan_not_found' | 'no_approved_version' | 'integrity' | 'invalid';

/** A source resolved to the plan to start from (not yet anonymised). */
export type TemplateSourceResult =
  { ok: true; plan: PlanJSON | null } | { ok: false; refusal: TemplateRefusal };

/**
 * The plan a form's `source` stands for: null for an empty plan (`''`), a built-in template's
 * plan, or the binding approved version of a plan `user` is a member of (checked here, on every
 * request: a plan of which the user is no member is "not found", as everywhere else).
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
  if (member === null) return { ok: false, refusal: 'plan_not_found' };
  const versionId = await currentBindingVersionId(db, planId);
  if (versionId === null) return { ok: false, refusal: 'no_approved_version' };
  const version = await getVerifiedVersion(db, planId, versionId, member.role);
  if (!version.found) return { ok: false, refusal: 'no_approved_version' };
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
