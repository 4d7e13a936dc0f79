import { planDocumentName, type Role } from '@prozesswerkstatt/contract';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getDatabase, type DocumentStorage } from '@prozesswerkstatt/storage';
import { testSecret } from './tokens.js';
import { waitUntil } from './wait.js';

const APP_ENTRY = fileURLToPath(new URL('../../app/server/index.js', import.meta.url));
const APP_BUILD = fileURLToPath(new URL('../../app/build/handler.js', import.meta.url));

/** The built app (`app/build`, as deployed) running in a child process. */
export interface AppProcess {
  origin: string;
  process: ChildProcess;
  /** SIGTERM, resolved when it has exited. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the built app on a free port over the SQLite database in `dataDir`, with the test
 * collab secret; needs `pnpm build` first (the README's `pnpm test` does it).
 */
export async function startApp(options: {
  dataDir: string;
  collabUrl: string;
  redisUrl?: string;
  /** More environment for the app (e.g. adapter-node's `ADDRESS_HEADER`). */
  env?: Record<string, string>;
}): Promise<AppProcess> {
  if (!existsSync(APP_BUILD)) throw new Error('app/build is missing: run `pnpm build` first');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [APP_ENTRY], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ORIGIN: origin,
      DATA_DIR: options.dataDir,
      DATABASE_URL: '',
      REDIS_URL: options.redisUrl ?? '',
      COLLAB_AUTH_SECRET: testSecret,
      COLLAB_URL: options.collabUrl,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntil(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.ok === true, {
    what: 'the app to start',
    timeoutMs: 20_000,
  });
  return {
    origin,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A member of the seeded plan and the cookie of their session. */
export interface SeededPerson {
  userId: string;
  cookie: string;
}

/**
 * Writes accounts, one plan and memberships straight into the database (no UI needed), plus a
 * session per account. `members` maps a label to a role, or to null for a non-member.
 */
export async function seedPlan(
  storage: DocumentStorage,
  planId: string,
  members: Record<string, Role | null>,
): Promise<Map<string, SeededPerson>> {
  const db = getDatabase(storage as Parameters<typeof getDatabase>[0]);
  const people = new Map<string, SeededPerson>();
  for (const label of Object.keys(members)) {
    const userId = `${label}-${randomBytes(4).toString('hex')}`;
    await db
      .insertInto('users')
      .values({ id: userId, email: `${userId}@example.org`, name: label, password_hash: 'unused' })
      .execute();
    const token = randomBytes(32).toString('base64url');
    await db
      .insertInto('sessions')
      .values({
        id: createHash('sha256').update(token).digest('hex'),
        user_id: userId,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .execute();
    people.set(label, { userId, cookie: `pw_session=${token}` });
  }
  const facilitator = Object.entries(members).find(([, role]) => role === 'facilitator')?.[0];
  await db
    .insertInto('plans')
    .values({
      id: planId,
      doc_name: planDocumentName(planId),
      title: 'Testplan',
      facilitator_id: people.get(facilitator ?? '')?.userId ?? '',
    })
    .execute();
  for (const [label, role] of Object.entries(members)) {
    if (role === null) continue;
    await db
      .insertInto('plan_members')
      .values({ plan_id: planId, user_id: people.get(label)?.userId ?? '', role })
      .execute();
  }
  return people;
}
