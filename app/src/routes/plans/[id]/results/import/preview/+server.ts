/** Reads an uploaded contributions file and answers with its preview; writes nothing. */
import { handleImportRequest } from '$lib/server/results/import/import-request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => handleImportRequest(event, 'preview');
