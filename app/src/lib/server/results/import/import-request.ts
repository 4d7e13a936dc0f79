/**
 * The two import requests, preview and confirm, as one handler: the file is the raw request body
 * (streamed into the reader as it arrives, so a large file is never held whole), the options are
 * query parameters. The answer is a stream of JSON lines: `progress` while rows are read,
 * `writing` while a confirmed import inserts, then one `preview`, `done` or `error`.
 *
 * Why the file is sent twice rather than kept on the server between preview and confirm: the
 * file holds names and contacts, and a stash would keep personal data on disk or in memory
 * without an owner, need expiry and cleaning, and tie confirm to the app instance that kept it.
 * The browser still has the file; the preview's hash (over options and bytes) makes confirm
 * refuse anything but exactly the file and choices that were previewed.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { ImportFileError } from '@prozesswerkstatt/participation-import';
import { berlinToday } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { resultsContext } from '../result-events.js';
import { loadResultSubjects } from '../result-subjects.js';
import { MAX_IMPORT_FILE_BYTES, parseImportOptions } from './import-options.js';
import { confirmImport, previewImport } from './import-outcome.js';
import { badRowMessages, describeIssue, previewMessage } from './import-messages.js';
import { readImport } from './read-import.js';

type Send = (message: Record<string, unknown>) => void;

/** A response that streams the lines `run` sends; a thrown error becomes an `error` line. */
function lineStream(run: (send: Send) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: Send = (message) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        await run(send);
      } catch (failure) {
        if (failure instanceof ImportFileError) {
          send({ kind: 'error', message: describeIssue(failure.issue), issues: [] });
        } else {
          console.error('results import failed', failure);
          send({ kind: 'error', message: m.results_import_error_failed(), issues: [] });
        }
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}

/** Refuses what is not a same-origin upload of a file body before anything is read. */
function checkUpload(event: RequestEvent): void {
  const type = event.request.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  // The file as raw bytes only: form posts (which Kit's CSRF check covers) are not uploads here.
  if (type !== 'application/octet-stream') error(415, m.results_import_error_no_file());
  // Kit checks the origin of form posts only, so this upload checks it itself.
  if (event.request.headers.get('origin') !== event.url.origin) {
    error(403, m.results_import_error_origin());
  }
  const length = Number(event.request.headers.get('content-length') ?? '0');
  if (length > MAX_IMPORT_FILE_BYTES)
    error(
      413,
      m.results_import_error_too_large({
        megabytes: String(Math.round(MAX_IMPORT_FILE_BYTES / 1024 / 1024)),
      }),
    );
  if (!event.request.body) error(400, m.results_import_error_no_file());
}

/** Handles `POST …/results/import/preview` and `…/confirm`. */
export async function handleImportRequest(
  event: RequestEvent<{ id: string }>,
  mode: 'preview' | 'confirm',
): Promise<Response> {
  const plan = await requirePlanPermission(event.locals, event.params.id, 'results.answer');
  checkUpload(event);
  const subjects = await loadResultSubjects(await getStorage(), plan.id);
  const options = parseImportOptions(
    event.url.searchParams,
    new Set(subjects.map((subject) => subject.id)),
  );
  if (!options) error(400, m.results_import_error_options());
  const expectedHash = event.url.searchParams.get('hash') ?? '';
  const acknowledged = Number(event.url.searchParams.get('skipBad') ?? '0');
  if (
    mode === 'confirm' &&
    (!/^[0-9a-f]{64}$/.test(expectedHash) || !Number.isSafeInteger(acknowledged))
  ) {
    error(400, m.results_import_error_options());
  }
  const totalBytes = Number(event.request.headers.get('content-length') ?? '') || undefined;
  const body = event.request.body!;
  const db = await getDatabase();
  return lineStream(async (send) => {
    const read = await readImport(body, options, {
      subjects,
      today: berlinToday(),
      ...(totalBytes !== undefined && { totalBytes }),
      onProgress: (progress) => send({ kind: 'progress', ...progress }),
    });
    if (mode === 'preview') {
      const preview = await previewImport(db, plan.id, read);
      send({ ...previewMessage(preview, read.hash, read.format) });
      return;
    }
    if (read.hash !== expectedHash) {
      send({ kind: 'error', message: m.results_import_error_changed(), issues: [] });
      return;
    }
    const outcome = await confirmImport(
      resultsContext(db),
      plan.id,
      read,
      plan.user.id,
      acknowledged,
      (done, total) => send({ kind: 'writing', done, total }),
    );
    if (!outcome.ok) {
      send({
        kind: 'error',
        message: m.results_import_error_bad_rows({ count: String(outcome.bad.length) }),
        issues: badRowMessages(outcome.bad).flatMap((row) => row.messages),
      });
      return;
    }
    send({ kind: 'done', ...outcome });
  });
}
