/**
 * Accounts under attack, through the BUILT app (`app/build`, as deployed) on one SQLite database:
 * the open redirect of `next`, login throttling per account and per client address (the
 * proxy's address taken from `X-Forwarded-For` as adapter-node's `ADDRESS_HEADER`/`XFF_DEPTH`
 * configure it), registrations per address, bounded fields, and members' e-mail addresses kept
 * from viewers. Needs `pnpm build` first (the README's `pnpm test` does it).
 */
import { randomBytes } from 'node:crypto';
import { getDatabase } from '@prozesswerkstatt/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlan, startApp, type AppProcess, type SeededPerson } from '../helpers/app-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let collab: TestServer;
let app: AppProcess;
let people: Map<string, SeededPerson>;
const planId = `plan${randomBytes(6).toString('hex')}`;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  collab = await startTestServer();
  people = await seedPlan(collab.storage, planId, { facilitator: 'facilitator', viewer: 'viewer' });
  app = await startApp({
    dataDir: collab.dataDir,
    collabUrl: collab.url,
    env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', BODY_SIZE_LIMIT: '8M' },
  });
}, 40_000);

afterAll(async () => {
  await app?.stop();
  await collab?.dispose();
});

function db() {
  return getDatabase(collab.storage as Parameters<typeof getDatabase>[0]);
}

/** A form post as a browser at client address `address` sends it. */
function postForm(
  path: string,
  fields: Record<string, string>,
  address: string,
  cookie = '',
): Promise<Response> {
  return fetch(`${app.origin}${path}`, {
    method: 'POST',
    headers: { origin: app.origin, 'x-forwarded-for': address, cookie, accept: 'text/html' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

function login(email: string, password: string, address: string, next = ''): Promise<Response> {
  return postForm('/login?/login', { email, password, next }, address);
}

async function register(email: string, address: string, next = ''): Promise<Response> {
  return postForm(
    '/register?/register',
    { email, name: 'Someone', password: PASSWORD, next },
    address,
  );
}

let addressCounter = 0;
/** A client address used by no other test. */
function freshAddress(): string {
  addressCounter++;
  return `10.${Math.floor(addressCounter / 250)}.${addressCounter % 250}.1`;
}

/** Resolving `location` on the app's origin stays on it. */
function staysOnSite(location: string | null): boolean {
  if (location === null) return false;
  return !location.startsWith('//') && new URL(location, app.origin).origin === app.origin;
}

describe('next after login and registration', () => {
  const attack = '/login?next=%2F..%2F%2Fevil.example%2Fx';

  it('does not send a signed-in user to another host', async () => {
    const response = await fetch(`${app.origin}${attack}`, {
      headers: { cookie: people.get('viewer')!.cookie },
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(staysOnSite(response.headers.get('location'))).toBe(true);
  });

  it('does not send someone who just logged in or registered to another host', async () => {
    const address = freshAddress();
    const email = `next-${randomBytes(4).toString('hex')}@example.org`;
    const registered = await register(email, address, '/..//evil.example/x');
    expect(registered.status).toBe(303);
    expect(staysOnSite(registered.headers.get('location'))).toBe(true);
    for (const next of ['/..//evil.example/x', '/%2F%2Fevil.example', '/%5Cevil.example']) {
      const response = await login(email, PASSWORD, address, next);
      expect(response.status, next).toBe(303);
      expect(staysOnSite(response.headers.get('location')), next).toBe(true);
    }
  });
});

describe('login throttling', () => {
  it('checks at most 5 passwords of 200 parallel attempts, then refuses even the right one', async () => {
    const email = `target-${randomBytes(4).toString('hex')}@example.org`;
    expect((await register(email, freshAddress())).status).toBe(303);
    // 200 different addresses: the account's own limit has to hold, not the address limit.
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => login(email, 'wrong password!', freshAddress())),
    );
    const statuses = responses.map((response) => response.status);
    // 400 is the answer after a password check; 429 is refused before any check.
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(195);

    const right = await login(email, PASSWORD, freshAddress());
    expect(right.status).toBe(429);
    expect(await right.text()).toMatch(
      /Zu viele Fehlversuche\. Versuchen Sie es in 1[45] Minuten wieder\./,
    );
  }, 60_000);

  it('does not unlock an account through many failed logins with other addresses', async () => {
    const email = `locked-${randomBytes(4).toString('hex')}@example.org`;
    const client = freshAddress();
    expect((await register(email, client)).status).toBe(303);
    for (let i = 0; i < 6; i++) await login(email, 'wrong password!', client);
    // One client tries 110 other accounts: its own limit (100) stops it, nothing is evicted.
    const flood = freshAddress();
    const floodStatuses: number[] = [];
    for (let i = 0; i < 110; i++) {
      floodStatuses.push((await login(`other${i}@example.org`, 'x', flood)).status);
    }
    expect(floodStatuses.filter((status) => status === 429)).toHaveLength(10);
    expect((await login(email, PASSWORD, freshAddress())).status).toBe(429);
  }, 60_000);

  it('lets a colleague behind the same proxy address sign in while another account is locked', async () => {
    const proxy = freshAddress();
    const alice = `alice-${randomBytes(4).toString('hex')}@example.org`;
    const bob = `bob-${randomBytes(4).toString('hex')}@example.org`;
    expect((await register(alice, proxy)).status).toBe(303);
    expect((await register(bob, proxy)).status).toBe(303);
    for (let i = 0; i < 6; i++) await login(alice, 'typo typo typo', proxy);
    expect((await login(alice, PASSWORD, proxy)).status).toBe(429);
    expect((await login(bob, PASSWORD, proxy)).status).toBe(303);
  });

  it('limits registrations per client address', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (await register(`reg${i}-${randomBytes(3).toString('hex')}@example.org`, address)).status,
      );
    }
    expect(statuses.slice(0, 30).every((status) => status === 303)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another address still registers.
    expect(
      (await register(`elsewhere-${randomBytes(3).toString('hex')}@example.org`, freshAddress()))
        .status,
    ).toBe(303);
  }, 60_000);
});

describe('bounded account fields', () => {
  it('refuses a 7 MB e-mail address with a message and stores nothing', async () => {
    const huge = `${'a'.repeat(7 * 1024 * 1024)}@example.org`;
    const before = await db().selectFrom('users').select('id').execute();
    const response = await register(huge, freshAddress());
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).');
    expect(page.length).toBeLessThan(200_000);
    const after = await db().selectFrom('users').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('refuses a name of more than 100 characters at registration', async () => {
    const response = await postForm(
      '/register?/register',
      {
        email: `n-${randomBytes(3).toString('hex')}@example.org`,
        name: 'n'.repeat(101),
        password: PASSWORD,
      },
      freshAddress(),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Der Name ist zu lang (höchstens 100 Zeichen).');
  });
});

describe("members' e-mail addresses", () => {
  async function membersData(who: string): Promise<string> {
    const cookie = people.get(who)!.cookie;
    const [html, data] = await Promise.all(
      [`/plans/${planId}/members`, `/plans/${planId}/members/__data.json`].map(async (path) => {
        const response = await fetch(`${app.origin}${path}`, { headers: { cookie } });
        expect(response.status, path).toBe(200);
        return response.text();
      }),
    );
    return `${html}\n${data}`;
  }

  it('are in neither the page nor its data for a viewer, but are for the facilitator', async () => {
    const facilitatorEmail = `${people.get('facilitator')!.userId}@example.org`;
    const viewerEmail = `${people.get('viewer')!.userId}@example.org`;
    const asViewer = await membersData('viewer');
    expect(asViewer).toContain('facilitator');
    expect(asViewer).not.toContain(facilitatorEmail);
    const asFacilitator = await membersData('facilitator');
    expect(asFacilitator).toContain(facilitatorEmail);
    expect(asFacilitator).toContain(viewerEmail);
  });
});
