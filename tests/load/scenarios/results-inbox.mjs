// Scenario: the results inbox's first render with 10,000 contributions (issue 18; target: usable
// in < 2 s), beside a plan of 100 so the cost of the size shows apart from the machine's load.
// Starts the BUILT app the way the e2e webServer does (`node scripts/start.mjs`, app +
// collab-server, a fresh data folder), registers the installation's first account and creates a
// plan over HTTP, then seeds the contributions through storage (`insertContributions`, one
// transaction, every third with a decision and reason, as an import with statuses writes them).
// Measured, signed in, on /plans/<id>/results (50 rows a page):
//   - server: time to the response's headers (TTFB) and to the full HTML, over `httpSamples`
//     sequential loads after two unmeasured ones, each on a new connection;
//   - browser (Debian's /usr/bin/chromium through Playwright, if present): per load, from the
//     navigation's start until the inbox is interactive — hydrated and its live stream open, which
//     the page marks with `section[data-live="true"]` — DOMContentLoaded, and the renderer's
//     main-thread CPU time until then (CDP `ThreadTime`), over `browserSamples` loads in fresh
//     tabs of one signed-in context (assets cached after the first).
// Prints p50/p95/max of each and the target (browser p95 < 2 s with 10,000 items; the server's
// full HTML if no browser). `--quick`: 500 contributions, 3 and 2 loads, no target.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toStorageRow } from '@prozesswerkstatt/participation-import';
import { getDatabase, insertContributions, openStorage } from '@prozesswerkstatt/storage';
import { genericContribution } from '../lib/import-files.mjs';
import { round, summarize } from '../lib/stats.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const TARGET_MS = 2000;
const ACCOUNT = {
  email: 'bench@example.org',
  name: 'Bench Begleitung',
  password: 'bench-pw-123456',
};

/** @param {boolean} quick */
function defaults(quick) {
  return quick
    ? { itemsList: [500], httpSamples: 3, browserSamples: 2, textChars: 600 }
    : { itemsList: [100, 10_000], httpSamples: 20, browserSamples: 10, textChars: 600 };
}

/**
 * A small plan beside the 10,000, so what the count costs shows apart from the machine's load.
 *
 * @param {ReturnType<typeof defaults>} options
 */
function variants(options) {
  return options.itemsList.map((items) => ({
    label: `${items} contributions`,
    items,
    httpSamples: options.httpSamples,
    browserSamples: options.browserSamples,
    textChars: options.textChars,
  }));
}

/** A free TCP port on 127.0.0.1 (closed again before use). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * One HTTP request on a fresh connection (no keep-alive: a reused socket that the server closes
 * meanwhile fails the request, which a loaded machine makes likely). Times the headers and the
 * full body from the request's start.
 *
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [init]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders,
 *   body: string, headersMs: number, fullMs: number }>}
 */
function send(url, init = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = httpRequest(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (response) => {
      const headersMs = performance.now() - start;
      /** @type {Buffer[]} */
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          headersMs,
          fullMs: performance.now() - start,
        }),
      );
    });
    req.end(init.body);
  });
}

/**
 * The built app and collab-server, as `pnpm start` runs them, on free ports.
 *
 * @param {string} dataDir
 */
async function startApp(dataDir) {
  const port = await freePort();
  let collabPort = await freePort();
  // The first port is free again once probed: the system may hand it out twice.
  while (collabPort === port) collabPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      COLLAB_PORT: String(collabPort),
      ORIGIN: origin,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await send(`${origin}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer /healthz within 60 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, stop, output: () => stderr, alive: () => child.exitCode === null };
}

/**
 * Posts a SvelteKit form action as an enhanced form does; returns its JSON and the cookies set.
 *
 * @param {string} origin
 * @param {string} path
 * @param {Record<string, string>} form
 * @param {string} cookie
 */
async function action(origin, path, form, cookie = '') {
  const response = await send(`${origin}${path}`, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: {
      Origin: origin,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
  if (response.status !== 200) {
    throw new Error(`POST ${path}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
  }
  const cookies = (response.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]);
  return { result: JSON.parse(response.body), cookie: cookies.join('; ') || cookie };
}

/**
 * Signs up the first account (facilitator) and creates a plan; returns the session and plan id.
 *
 * @param {string} origin
 */
async function planWithSession(origin) {
  const signUp = await action(origin, '/register?/register', { ...ACCOUNT, next: '/' });
  if (!signUp.cookie) throw new Error(`no session after signing up: ${JSON.stringify(signUp)}`);
  const created = await action(
    origin,
    '/plans/new?/create',
    { title: 'Bench: 10.000 Beiträge', requestingUnit: 'Bench' },
    signUp.cookie,
  );
  const planId = /\/plans\/([\w-]+)/.exec(created.result.location ?? '')?.[1];
  if (!planId) throw new Error(`no plan id in ${JSON.stringify(created.result)}`);
  return { cookie: signUp.cookie, planId };
}

/**
 * `items` contributions through storage; every third answered "not adopted" with a reason.
 *
 * @param {string} dataDir
 * @param {string} planId
 * @param {number} items
 * @param {number} textChars
 */
async function seed(dataDir, planId, items, textChars) {
  const storage = await openStorage({ dataDir, logger: () => {} });
  try {
    const db = getDatabase(storage);
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', ACCOUNT.email)
      .executeTakeFirstOrThrow();
    const rows = [];
    for (let i = 1; i <= items; i += 1) {
      const answered = i % 3 === 0;
      const contribution = {
        ...genericContribution(i, textChars),
        ...(answered
          ? {
              status: { raw: 'abgelehnt', state: 'answered', decision: 'not_adopted' },
              reason: `Begründung ${i}`,
              response: `Antwort ${i}`,
            }
          : {}),
      };
      rows.push(
        toStorageRow(contribution, {
          subjectId: null,
          receivedAtFallback: '2024-03-05',
          sourceSystemFallback: 'generic',
        }),
      );
    }
    const started = performance.now();
    const result = await insertContributions({ db }, planId, rows, user.id);
    if (result.createdIds.length !== items) {
      throw new Error(`seeded ${result.createdIds.length} of ${items} contributions`);
    }
    return (performance.now() - started) / 1000;
  } finally {
    await storage.close();
  }
}

/**
 * Server-side: TTFB and full HTML of the inbox, sequentially.
 *
 * @param {string} url
 * @param {string} cookie
 * @param {number} samples
 */
async function timeHttp(url, cookie, samples) {
  /** @type {number[]} */
  const ttfb = [];
  /** @type {number[]} */
  const full = [];
  let html = '';
  for (let s = -2; s < samples; s += 1) {
    const response = await send(url, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
    html = response.body;
    if (s < 0) continue;
    ttfb.push(response.headersMs);
    full.push(response.fullMs);
  }
  const total = /data-testid="results-total"[^>]*>([^<]*)</.exec(html)?.[1] ?? '?';
  const rows = (html.match(/<tr[\s>]/g) ?? []).length;
  return { ttfb, full, htmlKb: Buffer.byteLength(html) / 1024, total, rows };
}

/**
 * Browser: from navigation start until the inbox is hydrated and live; DOMContentLoaded.
 *
 * @param {string} origin
 * @param {string} url
 * @param {string} cookie
 * @param {number} samples
 */
async function timeBrowser(origin, url, cookie, samples) {
  if (!existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM}` };
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
      }),
    );
    /** @type {number[]} */
    const interactive = [];
    /** @type {number[]} */
    const domContentLoaded = [];
    /** @type {number[]} */
    const mainThread = [];
    for (let s = 0; s < samples; s += 1) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'commit' });
      // performance.now() counts from the navigation's start (the page's time origin).
      const readyAt = await page.waitForFunction(
        () =>
          document.querySelector('section[data-live="true"] tbody tr') ? performance.now() : 0,
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      interactive.push(Number(await readyAt.jsonValue()));
      domContentLoaded.push(
        await page.evaluate(() => {
          const [nav] = /** @type {PerformanceNavigationTiming[]} */ (
            performance.getEntriesByType('navigation')
          );
          return nav ? nav.domContentLoadedEventEnd : NaN;
        }),
      );
      // The renderer main thread's CPU time (CDP `ThreadTime`): what the page costs, without the
      // waiting for a core that the wall-clock figures include on a loaded machine.
      const { metrics } = await cdp.send('Performance.getMetrics');
      mainThread.push(1000 * (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN));
      await page.close();
    }
    return { interactive, domContentLoaded, mainThread };
  } finally {
    await browser.close();
  }
}

/** @param {number[]} samples */
function figures(samples) {
  const s = summarize(samples);
  return `p50 ${round(s.p50, 0)} ms, p95 ${round(s.p95, 0)} ms, max ${round(s.max, 0)} ms`;
}

/**
 * @param {object} context
 * @param {ReturnType<typeof variants>[number]} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ options, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'results-inbox-bench-'));
  // Migrate the fresh database first: started on an empty folder, the app and the collab-server
  // both migrate it, and on this loaded machine the collab-server's migration failed
  // ("storage-0001-document-updates failed") and it exited, in one of three starts.
  await (await openStorage({ dataDir, logger: () => {} })).close();
  const app = await startApp(dataDir);
  try {
    const { cookie, planId } = await planWithSession(app.origin);
    const seedSeconds = await seed(dataDir, planId, options.items, options.textChars);
    log(`  seeded ${options.items} contributions in ${round(seedSeconds, 1)} s`);
    const url = `${app.origin}/plans/${planId}/results`;
    const http = await timeHttp(url, cookie, options.httpSamples);
    log(
      `  server (${options.httpSamples} loads; "${http.total}", ${http.rows} table rows, ` +
        `${round(http.htmlKb, 0)} kB HTML; load average ${loadavg()[0].toFixed(2)}):`,
    );
    log(`    TTFB       ${figures(http.ttfb)}`);
    log(`    full HTML  ${figures(http.full)}`);
    const browser = await timeBrowser(app.origin, url, cookie, options.browserSamples);
    if ('skipped' in browser) {
      log(`  browser skipped: ${browser.skipped}`);
    } else {
      log(`  browser (${options.browserSamples} loads, Debian chromium):`);
      log(`    DOMContentLoaded  ${figures(browser.domContentLoaded)}`);
      log(`    interactive       ${figures(browser.interactive)}`);
      log(`    main-thread CPU   ${figures(browser.mainThread)}`);
    }
    return {
      label: 'app',
      items: options.items,
      seedSeconds,
      htmlKb: http.htmlKb,
      tableRows: http.rows,
      ttfbMs: summarize(http.ttfb),
      fullHtmlMs: summarize(http.full),
      ...('skipped' in browser
        ? { browserSkipped: browser.skipped }
        : {
            domContentLoadedMs: summarize(browser.domContentLoaded),
            interactiveMs: summarize(browser.interactive),
            mainThreadMs: summarize(browser.mainThread),
          }),
      loadavg1: loadavg()[0],
    };
  } catch (error) {
    log(`  the app ${app.alive() ? 'is running' : 'died'}; its last output:\n${app.output()}`);
    throw error;
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default {
  name: 'results-inbox',
  description: `results inbox first render with 10,000 contributions: TTFB, full HTML, time to interactive (target < ${TARGET_MS} ms)`,
  defaults,
  variants,
  kinds: ['ours'],
  ownServers: true,
  run,
  /**
   * @param {any[]} runs
   * @param {(line: string) => void} log
   */
  summarize(runs, log) {
    const ok = runs.filter((r) => !r.error && r.items >= 10_000);
    const measured = ok.map((r) => r.interactiveMs?.p95 ?? r.fullHtmlMs.p95);
    const worst = Math.max(...measured);
    const what = ok.some((r) => r.interactiveMs) ? 'interactive' : 'full HTML';
    const target =
      ok.length > 0
        ? {
            text: `inbox with ${ok[0].items} contributions ${what} in < ${TARGET_MS} ms at p95 (${round(worst, 0)} ms)`,
            holds: worst < TARGET_MS,
          }
        : null;
    if (target) log(`target "${target.text}": ${target.holds ? 'HOLDS' : 'DOES NOT HOLD'}`);
    return { runs, perServer: {}, ratio: null, target };
  },
};
