/** Imports the previewed file (sent again, checked against the preview's hash), all or nothing. */
import { handleImportRequest } from '$lib/server/results/import/import-request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => handleImportRequest(event, 'confirm');
