import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness probe for process managers and the test harness: `{ "status": "ok" }`, never cached. */
export const GET: RequestHandler = () =>
  json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
