/**
 * Who may open what, request by request through the BUILT app (`app/build`, as deployed) and the
 * real collab-server on one SQLite database: every route's load, every named form action and
 * every `+server.ts` method, for anonymous visitors, signed-in outsiders (no member of the plan)
 * and the four member roles; ids of another plan inside this plan's URLs; SvelteKit's CSRF origin
 * check on every state-changing request; the security headers on every kind of response. The
 * matrix is what the code does today (ARCHITECTURE.md, "Who may open what"): anonymous visitors
 * of protected routes go to the login, non-members get 404, too-low roles 403. A route file
 * without a row fails the coverage test. Needs `pnpm build` first (the README's `pnpm test`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES, type Role } from '@prozesswerkstatt/contract';
import { initPlan, toCanonicalJSON } from '@prozesswerkstatt/plan-model';
import {
  createCluster,
  createContribution,
  createMeasure,
  createReplyTemplate,
  getDatabase,
  requestRelease,
  setReply,
  signOffRelease,
} from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlan, startApp, type AppProcess, type SeededPerson } from '../helpers/app-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const WHO = ['anonymous', 'outsider', 'viewer', 'commenter', 'editor', 'facilitator'] as const;
type Who = (typeof WHO)[number];

/** An expected answer: a status, the 303 to the login page, or a 303 to exactly `to`. */
type Expected = number | 'login' | { to: string };
type Cells = Record<Who, Expected>;

let collab: TestServer;
let app: AppProcess;
const planA = `plana${randomBytes(5).toString('hex')}`;
const planB = `planb${randomBytes(5).toString('hex')}`;
let people: Map<string, SeededPerson>;
let ownerB: SeededPerson;
let secondB: SeededPerson;

/** Ids made in `beforeAll` that rows and cross-plan tests use. */
const fx = {
  versionA: '',
  versionB: '',
  threadB: '',
  commentB: '',
  invitationA: '',
  invitationB: '',
  contributionA: '',
  contributionB: '',
  clusterA: '',
  clusterB: '',
  templateB: '',
  measureA: '',
  measureB: '',
};

function db() {
  return getDatabase(collab.storage as Parameters<typeof getDatabase>[0]);
}

function cookieOf(who: Who): string {
  return who === 'anonymous' ? '' : (people.get(who)?.cookie ?? '');
}

function userIdOf(who: Exclude<Who, 'anonymous'>): string {
  return people.get(who)?.userId ?? '';
}

/** A second session for `who` (for rows that end the session they are sent with). */
async function freshCookie(who: Who): Promise<string> {
  if (who === 'anonymous') return '';
  const token = randomBytes(32).toString('base64url');
  await db()
    .insertInto('sessions')
    .values({
      id: createHash('sha256').update(token).digest('hex'),
      user_id: userIdOf(who),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    })
    .execute();
  return `pw_session=${token}`;
}

/** A plan document in storage, as `createPlan` writes it, so exports and versions have content. */
async function storePlanDocument(planId: string): Promise<void> {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Testplan' });
  await collab.storage.appendUpdates(`plans/${planId}`, [Y.encodeStateAsUpdate(doc)]);
  doc.destroy();
}

/**
 * One request as a browser sends it: form posts with the app's own `Origin` unless `from` says
 * otherwise. Event streams are cancelled once their headers are in; other bodies are read.
 */
async function send(
  cookie: string,
  method: 'GET' | 'POST',
  path: string,
  body: Record<string, string> = {},
  from: string = app.origin,
): Promise<Response> {
  const post = method === 'POST';
  const response = await fetch(`${app.origin}${path}`, {
    method,
    headers: {
      cookie,
      accept: 'text/html',
      ...(post ? { origin: from, 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: post ? new URLSearchParams(body) : undefined,
    redirect: 'manual',
  });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel().catch(() => undefined);
  } else {
    await response.arrayBuffer();
  }
  return response;
}

/** What `response` is, in the terms of {@link Expected}, for readable failures. */
function answerOf(response: Response): string {
  const location = response.headers.get('location');
  return location === null ? String(response.status) : `${response.status} → ${location}`;
}

function matches(response: Response, expected: Expected): boolean {
  const location = response.headers.get('location') ?? '';
  if (expected === 'login') return response.status === 303 && /^\/login(\?|$)/.test(location);
  if (typeof expected === 'number') return response.status === expected;
  return response.status === 303 && location === expected.to;
}

function show(expected: Expected): string {
  if (typeof expected === 'number') return String(expected);
  return expected === 'login' ? '303 → /login…' : `303 → ${expected.to}`;
}

// ---- the matrix -------------------------------------------------------------------------------

/** The same answer for everyone. */
function everyone(answer: Expected): Cells {
  return Object.fromEntries(WHO.map((who) => [who, answer])) as Cells;
}

/** A route for signed-in people only; the hook sends anonymous visitors to the login. */
function signedIn(answer: Expected, anonymous: Expected = 'login'): Cells {
  return { ...everyone(answer), anonymous };
}

/** Only accounts with the facilitator flag (creating and importing plans). */
function facilitatorAccount(answer: Expected): Cells {
  return { ...everyone(403), anonymous: 'login', facilitator: answer };
}

/** A plan route: members with at least `minimum` get `answer`, lower roles 403, others 404. */
function member(minimum: Role, answer: Expected, anonymous: Expected = 'login'): Cells {
  const cells = { ...everyone(answer), anonymous, outsider: 404 } as Cells;
  for (const role of ROLES.slice(0, ROLES.indexOf(minimum))) cells[role] = 403;
  return cells;
}

interface Row {
  /** `<METHOD> <route id>`, with `?/<action>` for a form action. */
  key: string;
  /** The request path (in plan A for plan routes); a function, as ids are made in `beforeAll`. */
  path: () => string;
  /** Form fields for POST rows: what makes the request harmless for those allowed. */
  body?: () => Record<string, string>;
  /** Form fields for the CSRF test: a change that would land if the origin check let it through. */
  csrf?: () => Record<string, string>;
  /** Sent with a new session of the person, because the request ends it. */
  freshSession?: true;
  cells: Cells;
}

const A = () => `/plans/${planA}`;

/** A letter entered by hand, one per plan, for the receipt rows. */
const LETTER = {
  channel: 'letter',
  sourceSystem: 'manual',
  receivedAt: '2026-01-05',
  authorKind: 'person',
  authorName: 'Erika Muster',
  text: 'Bitte mehr Schatten.',
} as const;

/** A complete method as the library's form sends it (what a forged request would write). */
const METHOD_FORM: Record<string, string> = {
  level: 'consult',
  mode: 'online',
  'groupSize.min': '5',
  'groupSize.max': '',
  'duration.min': '1',
  'duration.max': '2',
  'duration.unit': 'hours',
  'effort.scale': 'low',
  'cost.scale': 'low',
  ...Object.fromEntries(
    [
      'name',
      'purpose',
      'duration.note',
      'effort.text',
      'cost.text',
      'recruitment',
      'strengths',
      'limits',
      'accessibility',
    ].flatMap((field) => [
      [`${field}.de`, 'Gekapert'],
      [`${field}.en`, 'Hijacked'],
    ]),
  ),
};

/** The facilitator who made `plan`. */
function ownerIdOf(plan: string): string {
  return plan === planA ? userIdOf('facilitator') : ownerB.userId;
}
const PHASE_ANCHOR = JSON.stringify({ kind: 'element', part: 'phase', id: 'p1' });

/**
 * Every route of app/src/routes. Allowed requests get fields the action refuses on their own
 * terms (400/404/409 from the action, after the access check) unless a change is harmless, so
 * one pass over the rows leaves plan A as it was, apart from the rows that say otherwise.
 */
const MATRIX: Row[] = [
  { key: 'GET /', path: () => '/', cells: everyone(200) },
  { key: 'GET /healthz', path: () => '/healthz', cells: everyone(200) },
  { key: 'GET /login', path: () => '/login', cells: signedIn({ to: '/' }, 200) },
  {
    key: 'POST /login?/login',
    path: () => '/login?/login',
    body: () => ({ email: '', password: '' }),
    csrf: () => ({ email: `${userIdOf('viewer')}@example.org`, password: 'wrong password!' }),
    // The action refuses the empty form; the page it renders sends signed-in people home.
    cells: signedIn({ to: '/' }, 400),
  },
  { key: 'GET /register', path: () => '/register', cells: signedIn({ to: '/' }, 200) },
  {
    key: 'POST /register?/register',
    path: () => '/register?/register',
    body: () => ({ email: '', name: '', password: '' }),
    csrf: () => ({
      email: `csrf-${randomBytes(4).toString('hex')}@example.org`,
      name: 'Fremd',
      password: 'a long enough password',
    }),
    cells: signedIn({ to: '/' }, 400),
  },
  { key: 'GET /logout', path: () => '/logout', cells: everyone({ to: '/' }) },
  {
    key: 'POST /logout?/logout',
    path: () => '/logout?/logout',
    freshSession: true,
    cells: everyone({ to: '/' }),
  },
  { key: 'GET /account', path: () => '/account', cells: signedIn(200) },
  {
    key: 'POST /account?/password',
    path: () => '/account?/password',
    body: () => ({ current: '', next: '' }),
    csrf: () => ({ current: 'unused', next: 'a new long enough password' }),
    cells: signedIn(400),
  },
  {
    key: 'POST /account?/revoke',
    path: () => '/account?/revoke',
    body: () => ({ session: 'no-such-session' }),
    // Nobody's session but one's own is found: 404 from the action for everyone signed in.
    cells: signedIn(404),
  },
  {
    key: 'POST /account?/revokeOthers',
    path: () => '/account?/revokeOthers',
    cells: signedIn(200),
  },
  { key: 'GET /admin', path: () => '/admin', cells: signedIn(403) },
  {
    key: 'POST /admin?/setFacilitator',
    path: () => '/admin?/setFacilitator',
    body: () => ({ userId: userIdOf('viewer'), facilitator: 'true' }),
    cells: signedIn(403),
  },
  { key: 'GET /inbox', path: () => '/inbox', cells: signedIn(200) },
  { key: 'GET /invite/[token]', path: () => '/invite/no-such-token', cells: signedIn(200) },
  {
    key: 'POST /invite/[token]?/accept',
    path: () => '/invite/no-such-token?/accept',
    // An unknown link is refused by the action, on the page it renders.
    cells: signedIn(200),
  },
  { key: 'GET /plans/new', path: () => '/plans/new', cells: facilitatorAccount(200) },
  {
    key: 'POST /plans/new?/create',
    path: () => '/plans/new?/create',
    body: () => ({ title: '', requestingUnit: '' }),
    csrf: () => ({ title: 'Fremder Plan', requestingUnit: '' }),
    cells: facilitatorAccount(400),
  },
  { key: 'GET /plans/import', path: () => '/plans/import', cells: facilitatorAccount(200) },
  {
    key: 'POST /plans/import?/import',
    path: () => '/plans/import?/import',
    cells: facilitatorAccount(400),
  },
  { key: 'GET /plans/[id]', path: A, cells: member('viewer', 200) },
  { key: 'GET /plans/[id]/activity', path: () => `${A()}/activity`, cells: member('viewer', 200) },
  {
    key: 'GET /plans/[id]/collab-token',
    path: () => `${A()}/collab-token`,
    cells: member('viewer', 200, 401),
  },
  { key: 'GET /plans/[id]/comments', path: () => `${A()}/comments`, cells: member('viewer', 200) },
  {
    key: 'POST /plans/[id]/comments',
    path: () => `${A()}/comments`,
    body: () => ({ intent: 'create', anchor: 'no anchor', body: 'Test' }),
    csrf: () => ({ intent: 'create', anchor: PHASE_ANCHOR, body: 'Fremd' }),
    cells: member('commenter', 400),
  },
  {
    key: 'GET /plans/[id]/comments/events',
    path: () => `${A()}/comments/events`,
    cells: member('viewer', 200),
  },
  { key: 'GET /plans/[id]/export', path: () => `${A()}/export`, cells: member('viewer', 200) },
  {
    key: 'GET /plans/[id]/export/[format]',
    path: () => `${A()}/export/md`,
    cells: member('viewer', 200),
  },
  { key: 'GET /plans/[id]/print', path: () => `${A()}/print`, cells: member('viewer', 200) },
  { key: 'GET /plans/[id]/results', path: () => `${A()}/results`, cells: member('viewer', 200) },
  {
    key: 'POST /plans/[id]/results?/create',
    path: () => `${A()}/results?/create`,
    // No text: the action refuses it after the role check.
    body: () => ({ channel: 'letter', receivedAt: '2026-01-05', authorKind: 'person', text: '' }),
    csrf: () => ({
      channel: 'letter',
      receivedAt: '2026-01-05',
      authorKind: 'person',
      text: 'Fremd',
    }),
    cells: member('editor', 400),
  },
  {
    key: 'GET /plans/[id]/results/events',
    path: () => `${A()}/results/events`,
    cells: member('viewer', 200),
  },
  {
    key: 'GET /plans/[id]/results/export/[format]',
    path: () => `${A()}/results/export/csv`,
    cells: member('viewer', 200),
  },
  {
    key: 'GET /plans/[id]/results/import',
    path: () => `${A()}/results/import`,
    cells: member('editor', 200),
  },
  {
    key: 'POST /plans/[id]/results/import/preview',
    path: () => `${A()}/results/import/preview?type=csv`,
    // A form post is no upload: refused (415) after the role check.
    body: () => ({ file: 'Kanal;Text' }),
    cells: member('editor', 415),
  },
  {
    key: 'POST /plans/[id]/results/import/confirm',
    path: () => `${A()}/results/import/confirm?type=csv`,
    body: () => ({ file: 'Kanal;Text' }),
    cells: member('editor', 415),
  },
  {
    key: 'GET /plans/[id]/results/[cid]/receipt',
    path: () => `${A()}/results/${fx.contributionA}/receipt`,
    cells: member('editor', 200),
  },
  {
    key: 'POST /plans/[id]/results?/group',
    path: () => `${A()}/results?/group`,
    // One item is no cluster: refused after the role check.
    body: () => ({ ids: fx.contributionA, label: 'Gruppe' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results?/addToCluster',
    path: () => `${A()}/results?/addToCluster`,
    body: () => ({ ids: fx.contributionA, clusterId: 'no-such-cluster' }),
    csrf: () => ({ ids: fx.contributionA, clusterId: fx.clusterA }),
    cells: member('editor', 404),
  },
  {
    key: 'GET /plans/[id]/results/[cid]',
    path: () => `${A()}/results/${fx.contributionA}`,
    cells: member('viewer', 200),
  },
  {
    key: 'POST /plans/[id]/results/[cid]?/reply',
    path: () => `${A()}/results/${fx.contributionA}?/reply`,
    // "Not adopted" without a reason: refused after the role check.
    body: () => ({ decision: 'not_adopted', reason: '', version: '' }),
    csrf: () => ({ decision: 'adopted', response: 'Fremd', version: '' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/[cid]?/assign',
    path: () => `${A()}/results/${fx.contributionA}?/assign`,
    body: () => ({ state: 'published', version: '1' }),
    csrf: () => ({ state: 'in_review', assigneeDepartment: 'Fremd', version: '1' }),
    cells: member('editor', 400),
  },
  {
    key: 'GET /plans/[id]/results/templates',
    path: () => `${A()}/results/templates`,
    cells: member('editor', 200),
  },
  {
    key: 'POST /plans/[id]/results/templates?/create',
    path: () => `${A()}/results/templates?/create`,
    body: () => ({ label: '' }),
    csrf: () => ({ label: 'Fremd', response: 'Fremd' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/templates?/update',
    path: () => `${A()}/results/templates?/update`,
    body: () => ({ templateId: 'no-such-template', label: 'Fremd' }),
    csrf: () => ({ templateId: fx.templateB, label: 'Fremd' }),
    cells: member('editor', 404),
  },
  {
    key: 'POST /plans/[id]/results/templates?/delete',
    path: () => `${A()}/results/templates?/delete`,
    body: () => ({ templateId: 'no-such-template' }),
    csrf: () => ({ templateId: fx.templateB }),
    cells: member('editor', 404),
  },
  {
    key: 'GET /plans/[id]/results/clusters/[clusterId]',
    path: () => `${A()}/results/clusters/${fx.clusterA}`,
    cells: member('viewer', 200),
  },
  {
    key: 'POST /plans/[id]/results/clusters/[clusterId]?/reply',
    path: () => `${A()}/results/clusters/${fx.clusterA}?/reply`,
    body: () => ({ decision: 'noted', reason: '', version: '1' }),
    csrf: () => ({ decision: 'adopted', response: 'Fremd', version: '1' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/clusters/[clusterId]?/remove',
    path: () => `${A()}/results/clusters/${fx.clusterA}?/remove`,
    body: () => ({ contributionId: 'no-such-item' }),
    csrf: () => ({ contributionId: fx.contributionA }),
    cells: member('editor', 404),
  },
  {
    key: 'GET /plans/[id]/results/measures',
    path: () => `${A()}/results/measures`,
    cells: member('viewer', 200),
  },
  {
    key: 'POST /plans/[id]/results/measures?/create',
    path: () => `${A()}/results/measures?/create`,
    // No title: the action refuses it after the role check.
    body: () => ({ title: '', status: 'planned' }),
    csrf: () => ({ title: 'Fremd', status: 'planned', progress: '0' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/measures?/update',
    path: () => `${A()}/results/measures?/update`,
    body: () => ({ measureId: 'no-such-measure', version: '1', title: 'x', status: 'planned' }),
    csrf: () => ({ measureId: fx.measureA, version: '1', title: 'Fremd', status: 'planned' }),
    cells: member('editor', 404),
  },
  {
    key: 'POST /plans/[id]/results/measures?/delete',
    path: () => `${A()}/results/measures?/delete`,
    // Not confirmed: refused by the action.
    body: () => ({ measureId: fx.measureA }),
    csrf: () => ({ measureId: fx.measureA, confirm: 'yes' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/measures?/addMilestone',
    path: () => `${A()}/results/measures?/addMilestone`,
    body: () => ({ measureId: fx.measureA, title: '' }),
    csrf: () => ({ measureId: fx.measureA, title: 'Fremd' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/measures?/toggleMilestone',
    path: () => `${A()}/results/measures?/toggleMilestone`,
    body: () => ({ measureId: fx.measureA, milestoneId: 'no-such-milestone', done: 'true' }),
    cells: member('editor', 404),
  },
  {
    key: 'POST /plans/[id]/results/measures?/removeMilestone',
    path: () => `${A()}/results/measures?/removeMilestone`,
    body: () => ({ measureId: fx.measureA, milestoneId: 'no-such-milestone' }),
    cells: member('editor', 404),
  },
  {
    key: 'POST /plans/[id]/results/measures?/link',
    path: () => `${A()}/results/measures?/link`,
    // Nothing chosen: refused by the action.
    body: () => ({ measureId: fx.measureA }),
    csrf: () => ({ measureId: fx.measureA, contributionId: fx.contributionA }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/measures?/unlink',
    path: () => `${A()}/results/measures?/unlink`,
    body: () => ({ measureId: fx.measureA, contributionId: 'no-such-contribution' }),
    cells: member('editor', 404),
  },
  {
    key: 'POST /plans/[id]/results/measures?/preview',
    path: () => `${A()}/results/measures?/preview`,
    // No file: refused by the action.
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/results/measures?/import',
    path: () => `${A()}/results/measures?/import`,
    body: () => ({ payload: 'not rows' }),
    csrf: () => ({
      payload: JSON.stringify([
        {
          line: 2,
          ref: null,
          parentRef: null,
          input: { title: { de: 'Fremd' } },
          proposalRefs: [],
        },
      ]),
    }),
    cells: member('editor', 400),
  },
  {
    key: 'GET /plans/[id]/results/measures/export',
    path: () => `${A()}/results/measures/export`,
    cells: member('viewer', 200),
  },
  {
    key: 'GET /plans/[id]/results/report',
    path: () => `${A()}/results/report`,
    cells: member('viewer', 200),
  },
  {
    key: 'GET /plans/[id]/results/report/[format]',
    path: () => `${A()}/results/report/docx`,
    cells: member('viewer', 200),
  },
  {
    key: 'GET /plans/[id]/results/weighing/[format]',
    path: () => `${A()}/results/weighing/xlsx`,
    cells: member('viewer', 200),
  },
  {
    key: 'GET /plans/[id]/results/[cid]/edit',
    path: () => `${A()}/results/${fx.contributionA}/edit`,
    cells: member('editor', 200),
  },
  {
    key: 'POST /plans/[id]/results/[cid]/edit?/save',
    path: () => `${A()}/results/${fx.contributionA}/edit?/save`,
    // No text and no version: the action refuses it after the role check.
    body: () => ({ channel: 'letter', receivedAt: '2026-01-05', authorKind: 'person', text: '' }),
    csrf: () => ({
      channel: 'letter',
      sourceSystem: 'manual',
      receivedAt: '2026-01-05',
      authorKind: 'person',
      text: 'Gekapert',
      version: '1',
    }),
    cells: member('editor', 400),
  },
  ...(['tag', 'accept', 'untag'] as const).map((action) => ({
    key: `POST /plans/[id]/results/[cid]/edit?/${action}`,
    path: () => `${A()}/results/${fx.contributionA}/edit?/${action}`,
    // A theme that does not exist: 404 from the action.
    body: () => ({ contributionId: fx.contributionA, themeId: 'no-such-theme' }),
    cells: member('editor', 404),
  })),
  {
    key: 'GET /plans/[id]/results/[cid]/split',
    path: () => `${A()}/results/${fx.contributionA}/split`,
    cells: member('editor', 200),
  },
  {
    key: 'POST /plans/[id]/results/[cid]/split?/split',
    path: () => `${A()}/results/${fx.contributionA}/split?/split`,
    // One part is no split: 400 from the action.
    body: () => ({ part: 'Nur ein Teil' }),
    cells: member('editor', 400),
  },
  {
    key: 'GET /plans/[id]/results/themes',
    path: () => `${A()}/results/themes`,
    cells: member('viewer', 200),
  },
  {
    key: 'POST /plans/[id]/results/themes?/createTheme',
    path: () => `${A()}/results/themes?/createTheme`,
    body: () => ({ label: '' }),
    csrf: () => ({ label: 'Fremdes Thema' }),
    cells: member('editor', 400),
  },
  ...(['renameTheme', 'moveTheme', 'deleteTheme', 'tag', 'accept', 'untag'] as const).map(
    (action) => ({
      key: `POST /plans/[id]/results/themes?/${action}`,
      path: () => `${A()}/results/themes?/${action}`,
      body: () => ({ contributionId: fx.contributionA, themeId: 'no-such-theme', label: 'x' }),
      cells: member('editor', 404),
    }),
  ),
  {
    key: 'POST /plans/[id]/results/themes?/suggest',
    path: () => `${A()}/results/themes?/suggest`,
    // Plan A has no themes: the run stores nothing.
    cells: member('editor', 200),
  },
  {
    key: 'GET /plans/[id]/results/overview',
    path: () => `${A()}/results/overview`,
    cells: member('viewer', 200),
  },
  {
    key: 'POST /plans/[id]/results/overview?/request',
    path: () => `${A()}/results/overview?/request`,
    // Plan A's letter has no decision: the request is refused by the release rule (409).
    cells: member('facilitator', 409),
  },
  {
    key: 'POST /plans/[id]/results/overview?/signOff',
    path: () => `${A()}/results/overview?/signOff`,
    body: () => ({ releaseId: 'no-such-release' }),
    cells: member('facilitator', 404),
  },
  {
    key: 'POST /plans/[id]/results/overview?/withdraw',
    path: () => `${A()}/results/overview?/withdraw`,
    body: () => ({ releaseId: 'no-such-release' }),
    // Nothing open to withdraw: the workflow's refusal.
    cells: member('facilitator', 409),
  },
  // Public pages, outside the login: plan B has a release (see the fixtures); no role matters.
  { key: 'GET /p/[id]/results', path: () => `/p/${planB}/results`, cells: everyone(200) },
  { key: 'GET /p/receipt', path: () => '/p/receipt', cells: everyone(200) },
  {
    key: 'POST /p/receipt?/lookup',
    path: () => '/p/receipt?/lookup',
    body: () => ({ code: 'AAAAA-AAAAA' }),
    // A well-formed code that belongs to no contribution.
    cells: everyone(404),
  },
  { key: 'GET /plans/[id]/members', path: () => `${A()}/members`, cells: member('viewer', 200) },
  {
    key: 'POST /plans/[id]/members?/changeRole',
    path: () => `${A()}/members?/changeRole`,
    body: () => ({ userId: userIdOf('viewer'), role: 'no-role' }),
    csrf: () => ({ userId: userIdOf('viewer'), role: 'editor' }),
    cells: member('facilitator', 400),
  },
  {
    key: 'POST /plans/[id]/members?/remove',
    path: () => `${A()}/members?/remove`,
    // The last facilitator cannot be removed: 400 from the action.
    body: () => ({ userId: userIdOf('facilitator') }),
    csrf: () => ({ userId: userIdOf('viewer') }),
    cells: member('facilitator', 400),
  },
  {
    key: 'POST /plans/[id]/members?/invite',
    path: () => `${A()}/members?/invite`,
    body: () => ({ role: 'facilitator', days: '7' }),
    csrf: () => ({ role: 'editor', days: '7' }),
    cells: member('facilitator', 400),
  },
  {
    key: 'POST /plans/[id]/members?/revoke',
    path: () => `${A()}/members?/revoke`,
    // The facilitator revokes plan A's spare invitation; everyone else is refused before.
    body: () => ({ invitationId: fx.invitationA }),
    cells: member('facilitator', 200),
  },
  {
    key: 'GET /plans/[id]/settings',
    path: () => `${A()}/settings`,
    cells: member('facilitator', 200),
  },
  {
    key: 'POST /plans/[id]/settings?/rename',
    path: () => `${A()}/settings?/rename`,
    body: () => ({ title: '', requestingUnit: '' }),
    csrf: () => ({ title: 'Gekapert', requestingUnit: '' }),
    cells: member('facilitator', 400),
  },
  {
    // Archives plan A; the next row takes it back.
    key: 'POST /plans/[id]/settings?/archive',
    path: () => `${A()}/settings?/archive`,
    cells: member('facilitator', { to: '/' }),
  },
  {
    key: 'POST /plans/[id]/settings?/unarchive',
    path: () => `${A()}/settings?/unarchive`,
    cells: member('facilitator', 200),
  },
  { key: 'GET /plans/[id]/versions', path: () => `${A()}/versions`, cells: member('viewer', 200) },
  {
    key: 'POST /plans/[id]/versions?/save',
    path: () => `${A()}/versions?/save`,
    body: () => ({ label: '', note: '' }),
    csrf: () => ({ label: 'Fremd', note: '' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/versions?/rename',
    path: () => `${A()}/versions?/rename`,
    body: () => ({ versionId: fx.versionA, label: '', note: '' }),
    csrf: () => ({ versionId: fx.versionA, label: 'Gekapert', note: '' }),
    cells: member('editor', 400),
  },
  {
    key: 'POST /plans/[id]/versions?/restore',
    path: () => `${A()}/versions?/restore`,
    body: () => ({ versionId: 'no-such-version' }),
    csrf: () => ({ versionId: fx.versionA }),
    // An unknown version is the workflow's refusal, 409.
    cells: member('editor', 409),
  },
  {
    key: 'POST /plans/[id]/versions?/submit',
    path: () => `${A()}/versions?/submit`,
    body: () => ({ versionId: 'no-such-version' }),
    csrf: () => ({ versionId: fx.versionA }),
    cells: member('facilitator', 409),
  },
  {
    key: 'POST /plans/[id]/versions?/approve',
    path: () => `${A()}/versions?/approve`,
    body: () => ({ versionId: 'no-such-version' }),
    csrf: () => ({ versionId: fx.versionA }),
    cells: member('editor', 409),
  },
  {
    key: 'POST /plans/[id]/versions?/reject',
    path: () => `${A()}/versions?/reject`,
    body: () => ({ versionId: 'no-such-version', reason: 'Nein' }),
    csrf: () => ({ versionId: fx.versionA, reason: 'Nein' }),
    cells: member('editor', 409),
  },
  {
    key: 'GET /plans/[id]/versions/[vid]',
    path: () => `${A()}/versions/${fx.versionA}`,
    // Viewers read approved versions only; a draft is "not found" for them.
    cells: { ...member('viewer', 200), viewer: 404 },
  },
  {
    key: 'GET /plans/[id]/versions/[vid]/restore-preview',
    path: () => `${A()}/versions/${fx.versionA}/restore-preview`,
    cells: member('editor', 200),
  },
  {
    key: 'GET /plans/[id]/versions/compare',
    path: () => `${A()}/versions/compare?from=${fx.versionA}&to=${fx.versionA}`,
    cells: { ...member('viewer', 200), viewer: 404 },
  },
  // The method library (issue #19): everyone signed in reads it, facilitator accounts write it.
  { key: 'GET /methods', path: () => '/methods?level=involve&q=caf%C3%A9', cells: signedIn(200) },
  { key: 'GET /methods/picker.json', path: () => '/methods/picker.json', cells: signedIn(200) },
  { key: 'GET /methods/[id]', path: () => '/methods/world-cafe', cells: signedIn(200) },
  { key: 'GET /methods/new', path: () => '/methods/new', cells: facilitatorAccount(200) },
  {
    key: 'POST /methods/new?/create',
    path: () => '/methods/new?/create',
    // An empty form is refused after the account check.
    body: () => ({}),
    csrf: () => METHOD_FORM,
    cells: facilitatorAccount(400),
  },
  {
    key: 'GET /methods/[id]/edit',
    path: () => '/methods/world-cafe/edit',
    cells: facilitatorAccount(200),
  },
  {
    key: 'POST /methods/[id]/edit?/save',
    path: () => '/methods/world-cafe/edit?/save',
    body: () => ({}),
    csrf: () => ({ ...METHOD_FORM, rowVersion: '1' }),
    cells: facilitatorAccount(400),
  },
];

/** Route files whose code runs inside other rows' requests, not as a request of their own. */
const COVERED_BY_OTHER_ROWS: Record<string, string> = {
  // The root layout's load (who is signed in, unread count) runs on every page row above.
  'LAYOUT /': 'every GET row of a page',
};

// ---- fixtures ---------------------------------------------------------------------------------

beforeAll(async () => {
  collab = await startTestServer();
  people = await seedPlan(collab.storage, planA, {
    outsider: null,
    viewer: 'viewer',
    commenter: 'commenter',
    editor: 'editor',
    facilitator: 'facilitator',
  });
  const peopleB = await seedPlan(collab.storage, planB, {
    ownerB: 'facilitator',
    secondB: 'facilitator',
  });
  ownerB = peopleB.get('ownerB')!;
  secondB = peopleB.get('secondB')!;
  // Plan A's facilitator may also create and import plans (the account flag, not the role).
  await db()
    .updateTable('users')
    .set({ is_facilitator: 1 })
    .where('id', '=', userIdOf('facilitator'))
    .execute();
  await storePlanDocument(planA);
  await storePlanDocument(planB);
  for (const [plan, key] of [
    [planA, 'contributionA'],
    [planB, 'contributionB'],
  ] as const) {
    const created = await createContribution({ db: db() }, plan, LETTER, ownerIdOf(plan));
    fx[key] = created.id;
  }
  for (const [plan, key, member] of [
    [planA, 'clusterA', fx.contributionA],
    [planB, 'clusterB', fx.contributionB],
  ] as const) {
    fx[key] = (await createCluster({ db: db() }, plan, [member], 'Gruppe', ownerIdOf(plan))).id;
  }
  fx.templateB = (
    await createReplyTemplate({ db: db() }, planB, { label: 'Vorlage B' }, ownerB.userId)
  ).id;
  for (const [plan, key] of [
    [planA, 'measureA'],
    [planB, 'measureB'],
  ] as const) {
    const created = await createMeasure(
      { db: db() },
      plan,
      { title: { de: 'Bänke' } },
      ownerIdOf(plan),
    );
    fx[key] = created.id;
  }
  // Plan B's answers are released (four eyes: its two facilitators), so its public page exists.
  const ctxB = { db: db() };
  await setReply(ctxB, planB, fx.contributionB, null, { decision: 'adopted' }, ownerB.userId);
  const release = await requestRelease(ctxB, planB, ownerB.userId);
  await signOffRelease(ctxB, planB, release.id, secondB.userId);
  app = await startApp({ dataDir: collab.dataDir, collabUrl: collab.url });

  const owners = [
    { plan: planA, cookie: cookieOf('facilitator') },
    { plan: planB, cookie: ownerB.cookie },
  ];
  for (const { plan, cookie } of owners) {
    const base = `/plans/${plan}`;
    const saved = await send(cookie, 'POST', `${base}/versions?/save`, {
      label: 'Stand',
      note: '',
    });
    expect(saved.status).toBe(200);
    const invited = await send(cookie, 'POST', `${base}/members?/invite`, {
      role: 'viewer',
      days: '7',
    });
    expect(invited.status).toBe(200);
    const thread = await fetch(`${app.origin}${base}/comments`, {
      method: 'POST',
      headers: { cookie, origin: app.origin },
      body: new URLSearchParams({ intent: 'create', anchor: PHASE_ANCHOR, body: 'Eigener' }),
    });
    expect(thread.status).toBe(201);
    const ids = (await thread.json()) as { threadId: string; commentId: string };
    const version = await db()
      .selectFrom('versions')
      .select('id')
      .where('doc_name', '=', `plans/${plan}`)
      .where('kind', '=', 'named')
      .executeTakeFirstOrThrow();
    const invitation = await db()
      .selectFrom('invitations')
      .select('id')
      .where('plan_id', '=', plan)
      .executeTakeFirstOrThrow();
    if (plan === planA) {
      Object.assign(fx, {
        versionA: version.id,
        invitationA: invitation.id,
      });
    } else {
      Object.assign(fx, {
        versionB: version.id,
        threadB: ids.threadId,
        commentB: ids.commentId,
        invitationB: invitation.id,
      });
    }
  }
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await collab?.dispose();
});

// ---- coverage of the route folder -------------------------------------------------------------

const ROUTES_DIR = fileURLToPath(new URL('../../app/src/routes', import.meta.url));
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The matrix keys every request-handling file under app/src/routes calls for. */
function routeKeys(): string[] {
  const keys: string[] = [];
  const files = readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' });
  for (const file of files) {
    const name = file.split(sep).at(-1) ?? '';
    const dir = relative(ROUTES_DIR, join(ROUTES_DIR, file, '..'))
      .split(sep)
      .join('/');
    const route = `/${dir}`;
    const source = () => readFileSync(join(ROUTES_DIR, file), 'utf8');
    if (name === '+layout.server.ts' || name === '+layout.ts') keys.push(`LAYOUT ${route}`);
    if (name === '+page.svelte') keys.push(`GET ${route}`);
    if (name === '+page.server.ts' || name === '+page.ts') {
      const text = source();
      keys.push(`GET ${route}`);
      const actions = text.split('export const actions')[1] ?? '';
      for (const [, action] of actions.matchAll(/^ {2}(\w+): async/gm)) {
        keys.push(`POST ${route}?/${action}`);
      }
    }
    if (name === '+server.ts') {
      const text = source();
      for (const method of METHODS) {
        if (new RegExp(`export (const|async function|function) ${method}\\b`).test(text)) {
          keys.push(`${method} ${route}`);
        }
      }
    }
  }
  return [...new Set(keys)].sort();
}

describe('the matrix', () => {
  it('has a row for every load, form action and endpoint under app/src/routes, and no other', () => {
    const covered = [...MATRIX.map((row) => row.key), ...Object.keys(COVERED_BY_OTHER_ROWS)];
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual(routeKeys());
  });
});

// ---- route × person ---------------------------------------------------------------------------

describe('route × person', () => {
  for (const row of MATRIX) {
    it(row.key, async () => {
      const [method] = row.key.split(' ') as ['GET' | 'POST'];
      const wrong: string[] = [];
      for (const who of WHO) {
        const cookie = row.freshSession ? await freshCookie(who) : cookieOf(who);
        const response = await send(cookie, method, row.path(), row.body?.());
        if (!matches(response, row.cells[who])) {
          wrong.push(`${who}: expected ${show(row.cells[who])}, got ${answerOf(response)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

// ---- another plan's ids inside plan A's URLs --------------------------------------------------

describe("plan B's ids in plan A's URLs", () => {
  it('never show plan B to a member of plan A', async () => {
    const facilitator = cookieOf('facilitator');
    const paths = [
      `/plans/${planB}`,
      `/plans/${planB}/comments`,
      `/plans/${planB}/collab-token`,
      `${A()}/versions/${fx.versionB}`,
      `${A()}/versions/${fx.versionB}/restore-preview`,
      `${A()}/versions/compare?from=${fx.versionB}&to=current`,
      `${A()}/versions/compare?from=${fx.versionA}&to=${fx.versionB}`,
      `${A()}/export?version=${fx.versionB}`,
      `${A()}/export/md?version=${fx.versionB}`,
      `${A()}/export/json?version=${fx.versionB}`,
      `${A()}/print?version=${fx.versionB}`,
      `${A()}/results/${fx.contributionB}/receipt`,
      `${A()}/results/${fx.contributionB}`,
      `${A()}/results/clusters/${fx.clusterB}`,
      `/plans/${planB}/results/measures`,
      `/plans/${planB}/results/report/docx`,
      `/plans/${planB}/results/weighing/xlsx`,
      `${A()}/results/${fx.contributionB}/edit`,
      `${A()}/results/${fx.contributionB}/split`,
    ];
    const answers: Record<string, number> = {};
    for (const path of paths) answers[path] = (await send(facilitator, 'GET', path)).status;
    expect(answers).toEqual(Object.fromEntries(paths.map((path) => [path, 404])));
  });

  it("do not reach plan B's threads, comments, invitations, members or versions", async () => {
    const before = await stateOfPlanB();
    const facilitator = cookieOf('facilitator');
    const comments = `${A()}/comments`;
    const posts: [string, Record<string, string>, number][] = [
      [comments, { intent: 'reply', threadId: fx.threadB, body: 'Fremd' }, 404],
      [comments, { intent: 'edit', commentId: fx.commentB, body: 'Fremd' }, 404],
      [comments, { intent: 'delete', commentId: fx.commentB }, 404],
      [comments, { intent: 'resolve', threadId: fx.threadB }, 404],
      [comments, { intent: 'read', threadId: fx.threadB }, 404],
      [`${A()}/members?/revoke`, { invitationId: fx.invitationB }, 404],
      [`${A()}/members?/changeRole`, { userId: ownerB.userId, role: 'viewer' }, 404],
      [`${A()}/members?/remove`, { userId: ownerB.userId }, 404],
      [`${A()}/versions?/rename`, { versionId: fx.versionB, label: 'Fremd', note: '' }, 404],
      // The workflow answers an unknown version with its refusal status, 409.
      [`${A()}/versions?/restore`, { versionId: fx.versionB }, 409],
      [`${A()}/versions?/submit`, { versionId: fx.versionB }, 409],
      [`${A()}/versions?/approve`, { versionId: fx.versionB }, 409],
      [`${A()}/versions?/reject`, { versionId: fx.versionB, reason: 'Nein' }, 409],
      [`${A()}/results/${fx.contributionB}?/reply`, { decision: 'adopted', version: '' }, 404],
      [`${A()}/results/${fx.contributionB}?/assign`, { state: 'in_review', version: '1' }, 404],
      [`${A()}/results?/addToCluster`, { ids: fx.contributionA, clusterId: fx.clusterB }, 404],
      [`${A()}/results?/addToCluster`, { ids: fx.contributionB, clusterId: fx.clusterA }, 404],
      [`${A()}/results/clusters/${fx.clusterB}?/reply`, { decision: 'adopted', version: '1' }, 404],
      [`${A()}/results/clusters/${fx.clusterA}?/remove`, { contributionId: fx.contributionB }, 404],
      [`${A()}/results/templates?/update`, { templateId: fx.templateB, label: 'Fremd' }, 404],
      [`${A()}/results/templates?/delete`, { templateId: fx.templateB }, 404],
      [
        `${A()}/results/measures?/update`,
        { measureId: fx.measureB, version: '1', title: 'Fremd', status: 'planned' },
        404,
      ],
      [`${A()}/results/measures?/delete`, { measureId: fx.measureB, confirm: 'yes' }, 404],
      [`${A()}/results/measures?/addMilestone`, { measureId: fx.measureB, title: 'Fremd' }, 404],
      [
        `${A()}/results/measures?/link`,
        { measureId: fx.measureA, contributionId: fx.contributionB },
        404,
      ],
      [
        `${A()}/results/${fx.contributionB}/edit?/save`,
        { ...LETTER, text: 'Fremd', version: '1' },
        404,
      ],
      [`${A()}/results/${fx.contributionB}/split?/split`, { part: 'Fremd' }, 404],
    ];
    const wrong: string[] = [];
    for (const [path, body, status] of posts) {
      const response = await send(facilitator, 'POST', path, body);
      if (response.status !== status) {
        wrong.push(`${path} ${JSON.stringify(body)}: ${answerOf(response)}, expected ${status}`);
      }
    }
    // Grouping one of plan A's items with one of plan B's (two values of one field).
    const grouped = await fetch(`${app.origin}${A()}/results?/group`, {
      method: 'POST',
      headers: { cookie: facilitator, origin: app.origin, accept: 'text/html' },
      body: new URLSearchParams([
        ['ids', fx.contributionA],
        ['ids', fx.contributionB],
      ]),
      redirect: 'manual',
    });
    if (grouped.status !== 404) wrong.push(`group across plans: ${answerOf(grouped)}`);
    expect(wrong).toEqual([]);
    expect(await stateOfPlanB()).toEqual(before);
  });
});

describe('public results pages', () => {
  it("show a released plan's answers without personal data, and no plan without a release", async () => {
    const response = await fetch(`${app.origin}/p/${planB}/results`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Bitte mehr Schatten.');
    expect(html).not.toContain(LETTER.authorName);
    expect(html).not.toContain('@example.org');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expectSecurityHeaders(response, 'public page');
    // Plan A exists but released nothing: its public page is not found, title and all.
    const unreleased = await fetch(`${app.origin}/p/${planA}/results`);
    expect(unreleased.status).toBe(404);
    expect(await unreleased.text()).not.toContain('Testplan');
    expect((await fetch(`${app.origin}/p/${'x'.repeat(500)}/results`)).status).toBe(404);
  });
});

/** Everything of plan B that a leaking request could change. */
async function stateOfPlanB(): Promise<unknown> {
  const d = db();
  return {
    plan: await d.selectFrom('plans').selectAll().where('id', '=', planB).execute(),
    members: await d.selectFrom('plan_members').selectAll().where('plan_id', '=', planB).execute(),
    invitations: await d
      .selectFrom('invitations')
      .selectAll()
      .where('plan_id', '=', planB)
      .execute(),
    threads: await d
      .selectFrom('comment_threads')
      .selectAll()
      .where('doc_name', '=', `plans/${planB}`)
      .execute(),
    comments: await d
      .selectFrom('comments')
      .select(['id', 'body', 'thread_id'])
      .where('thread_id', '=', fx.threadB)
      .execute(),
    reads: await d
      .selectFrom('comment_reads')
      .selectAll()
      .where('thread_id', '=', fx.threadB)
      .execute(),
    versions: await d
      .selectFrom('versions')
      .select(['id', 'label', 'status'])
      .where('doc_name', '=', `plans/${planB}`)
      .execute(),
    approvals: await d.selectFrom('version_approvals').selectAll().execute(),
    contributions: await d
      .selectFrom('contributions')
      .selectAll()
      .where('plan_id', '=', planB)
      .execute(),
    replies: await d.selectFrom('replies').selectAll().where('plan_id', '=', planB).execute(),
    clusters: await d
      .selectFrom('result_clusters')
      .selectAll()
      .where('plan_id', '=', planB)
      .execute(),
    templates: await d
      .selectFrom('reply_templates')
      .selectAll()
      .where('plan_id', '=', planB)
      .execute(),
    measures: await d.selectFrom('measures').selectAll().where('plan_id', '=', planB).execute(),
    milestones: await d
      .selectFrom('measure_milestones')
      .selectAll()
      .where('measure_id', '=', fx.measureB)
      .execute(),
    document: await documentOf(planB),
  };
}

/** The content of the plan's stored document (canonical JSON, whatever compaction did). */
async function documentOf(planId: string): Promise<string> {
  const doc = new Y.Doc();
  const stored = await collab.storage.loadDocument(`plans/${planId}`);
  if (stored) Y.applyUpdate(doc, stored);
  const content = toCanonicalJSON(doc);
  doc.destroy();
  return content;
}

// ---- CSRF -------------------------------------------------------------------------------------

/** Every table a state-changing request could write, whole. */
async function everything(): Promise<unknown> {
  const d = db();
  const tables = [
    'users',
    'sessions',
    'plans',
    'plan_members',
    'invitations',
    'comment_threads',
    'comments',
    'comment_reads',
    'versions',
    'version_approvals',
    'contributions',
    'replies',
    'reply_history',
    'result_clusters',
    'reply_templates',
    'measures',
    'measure_milestones',
    'measure_contributions',
    'methods',
    'method_revisions',
  ] as const;
  const state: Record<string, unknown> = {};
  for (const table of tables) state[table] = await d.selectFrom(table).selectAll().execute();
  for (const plan of [planA, planB]) state[plan] = await documentOf(plan);
  return state;
}

describe('CSRF', () => {
  const stateChanging = MATRIX.filter((row) => !row.key.startsWith('GET '));

  it('refuses every state-changing request from another origin and changes nothing', async () => {
    expect(stateChanging.length).toBeGreaterThan(20);
    const before = await everything();
    const wrong: string[] = [];
    for (const row of stateChanging) {
      const body = (row.csrf ?? row.body)?.() ?? {};
      const response = await send(
        cookieOf('facilitator'),
        'POST',
        row.path(),
        body,
        'https://evil.example',
      );
      if (response.status !== 403) wrong.push(`${row.key}: ${answerOf(response)}`);
    }
    expect(wrong).toEqual([]);
    expect(await everything()).toEqual(before);
  });

  it('refuses a results file upload from another origin, which Kit would not check', async () => {
    const before = await everything();
    const csv =
      'Kanal;Quellsystem;Quellreferenz;Eingangsdatum;Absenderart;Text\r\n' +
      'Brief;Post;X-1;2026-01-05;Person;Fremd\r\n';
    const hash = createHash('sha256').update(`csv\nauto\n\n${csv}`).digest('hex');
    // With the right hash, the confirm would write the row were the origin not checked.
    for (const query of ['preview?type=csv', `confirm?type=csv&hash=${hash}&skipBad=0`]) {
      const response = await fetch(`${app.origin}${A()}/results/import/${query}`, {
        method: 'POST',
        headers: {
          cookie: cookieOf('facilitator'),
          origin: 'https://evil.example',
          'content-type': 'application/octet-stream',
        },
        body: csv,
      });
      expect(response.status).toBe(403);
    }
    expect(await everything()).toEqual(before);
  });

  it('refuses a comment posted as JSON, which the origin check would not cover', async () => {
    const before = await everything();
    const response = await fetch(`${app.origin}${A()}/comments`, {
      method: 'POST',
      headers: {
        cookie: cookieOf('facilitator'),
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ intent: 'create', anchor: PHASE_ANCHOR, body: 'Fremd' }),
    });
    expect(response.status).toBe(415);
    expect(await everything()).toEqual(before);
  });
});

// ---- security headers -------------------------------------------------------------------------

/** The headers `security-headers.ts` puts on every response the app renders. */
function expectSecurityHeaders(response: Response, what: string): void {
  const headers = response.headers;
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('permissions-policy'), what).toContain('camera=()');
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('are on pages, redirects, JSON, event streams and error pages', async () => {
    const viewer = cookieOf('viewer');
    const page = await send(viewer, 'GET', A());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expectSecurityHeaders(page, 'page');

    const redirect = await send('', 'GET', '/plans/new');
    expect(redirect.status).toBe(303);
    expectSecurityHeaders(redirect, 'redirect');

    const json = await send('', 'GET', '/healthz');
    expect(json.headers.get('content-type')).toContain('application/json');
    expectSecurityHeaders(json, 'JSON');

    const refusedJson = await send('', 'GET', `${A()}/collab-token`);
    expect(refusedJson.status).toBe(401);
    expectSecurityHeaders(refusedJson, 'JSON refusal');

    const stream = await send(viewer, 'GET', `${A()}/comments/events`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(stream, 'event stream');

    const missing = await send(viewer, 'GET', '/gibt-es-nicht');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(missing, '404 page');

    const forbidden = await send(viewer, 'GET', `${A()}/settings`);
    expect(forbidden.status).toBe(403);
    expectSecurityHeaders(forbidden, '403 page');
  });

  it('static assets under /_app/ are sent with nosniff', async () => {
    const html = await (await fetch(`${app.origin}/`)).text();
    const script = /(\/_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'a built script linked from the start page').toBeTruthy();
    const asset = await send('', 'GET', script ?? '');
    expect(asset.status).toBe(200);
    // sirv answers these before any SvelteKit hook; app/server/index.js adds nosniff, and only
    // that (ARCHITECTURE.md): a script or stylesheet renders nothing that could be framed.
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

// ---- starting a plan from a template ----------------------------------------------------------

describe('a plan from a template or an approved plan', () => {
  const create = (source: string) => ({ source, title: 'Aus Vorlage', requestingUnit: '' });

  it('is for accounts that create plans; a built-in template needs nothing more', async () => {
    const wrong: string[] = [];
    for (const who of WHO) {
      const expected: Expected = who === 'anonymous' ? 'login' : who === 'facilitator' ? 400 : 403;
      // No title: refused after the checks of account and source.
      const body = { ...create('template:kiezfonds'), title: '' };
      const response = await send(cookieOf(who), 'POST', '/plans/new?/create', body);
      if (!matches(response, expected)) wrong.push(`${who}: ${answerOf(response)}`);
    }
    expect(wrong).toEqual([]);
    const unknown = await send(
      cookieOf('facilitator'),
      'POST',
      '/plans/new?/create',
      create('template:gibt-es-nicht'),
    );
    expect(unknown.status).toBe(400);
  });

  it("uses a member's approved plan, or for facilitators the network's, never a draft", async () => {
    const facilitator = cookieOf('facilitator');
    const countPlans = async () =>
      Number(
        (
          await db()
            .selectFrom('plans')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countPlans();
    // Plan A has no approved version; plan B is not theirs and not approved (404: not offered in
    // the network, without saying whether it exists).
    expect((await send(facilitator, 'GET', `/plans/new?from=${planA}`)).status).toBe(409);
    expect(
      (await send(facilitator, 'POST', '/plans/new?/create', create(`plan:${planA}`))).status,
    ).toBe(409);
    expect((await send(facilitator, 'GET', `/plans/new?from=${planB}`)).status).toBe(404);
    expect(
      (await send(facilitator, 'POST', '/plans/new?/create', create(`plan:${planB}`))).status,
    ).toBe(404);
    for (const who of ['viewer', 'editor'] as const) {
      expect((await send(cookieOf(who), 'GET', `/plans/new?from=${planA}`)).status).toBe(403);
    }

    // Plan B's version approved by both sides; its owner may create plans.
    for (const [person, role] of [
      [ownerB, 'facilitator'],
      [secondB, 'requesting_unit'],
    ] as const) {
      await db()
        .insertInto('version_approvals')
        .values({
          version_id: fx.versionB,
          user_id: person.userId,
          role,
          decision: 'approved',
          reason: null,
        })
        .execute();
    }
    await db()
      .updateTable('versions')
      .set({ status: 'approved' })
      .where('id', '=', fx.versionB)
      .execute();
    await db()
      .updateTable('users')
      .set({ is_facilitator: 1 })
      .where('id', '=', ownerB.userId)
      .execute();
    // Archived, plan B is not offered to the network either; its members may still use it.
    const archive = (at: string | null) =>
      db().updateTable('plans').set({ archived_at: at }).where('id', '=', planB).execute();
    await archive(new Date().toISOString());
    expect((await send(facilitator, 'GET', `/plans/new?from=${planB}`)).status).toBe(404);
    expect(
      (await send(facilitator, 'POST', '/plans/new?/create', create(`plan:${planB}`))).status,
    ).toBe(404);
    expect(await countPlans()).toBe(before);
    await archive(null);
    // Accounts that may not create plans get no further, approved or not.
    for (const who of ['viewer', 'editor'] as const) {
      expect(
        (await send(cookieOf(who), 'POST', '/plans/new?/create', create(`plan:${planB}`))).status,
      ).toBe(403);
    }
    expect(await countPlans()).toBe(before);

    // A facilitator of the network may start from it without becoming a member of plan B.
    expect((await send(facilitator, 'GET', `/plans/new?from=${planB}`)).status).toBe(200);
    const fromNetwork = await send(
      facilitator,
      'POST',
      '/plans/new?/create',
      create(`plan:${planB}`),
    );
    expect(fromNetwork.status).toBe(303);
    expect(await countPlans()).toBe(before + 1);
    const facilitatorId = (
      await db()
        .selectFrom('plan_members')
        .select('user_id')
        .where(
          'plan_id',
          '=',
          /^\/plans\/([^/?]+)$/.exec(fromNetwork.headers.get('location') ?? '')?.[1] ?? '',
        )
        .executeTakeFirstOrThrow()
    ).user_id;
    expect(
      await db()
        .selectFrom('plan_members')
        .select('role')
        .where('plan_id', '=', planB)
        .where('user_id', '=', facilitatorId)
        .execute(),
    ).toEqual([]);

    expect((await send(ownerB.cookie, 'GET', `/plans/new?from=${planB}`)).status).toBe(200);
    const made = await send(ownerB.cookie, 'POST', '/plans/new?/create', create(`plan:${planB}`));
    expect(made.status).toBe(303);
    const newId = /^\/plans\/([^/?]+)$/.exec(made.headers.get('location') ?? '')?.[1] ?? '';
    expect(newId).not.toBe(planB);
    const members = await db()
      .selectFrom('plan_members')
      .select(['user_id', 'role'])
      .where('plan_id', '=', newId)
      .execute();
    expect(members).toEqual([{ user_id: ownerB.userId, role: 'facilitator' }]);
    expect(await countPlans()).toBe(before + 2);
  });
});
