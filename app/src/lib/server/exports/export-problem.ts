import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { ExportSourceProblem } from './export-source.js';

/**
 * Throws the HTTP error for a failed export in the user's language: 404 for an unknown version
 * or a missing document, 409 when a version's content does not match its SHA-256.
 */
export function exportProblemError(problem: ExportSourceProblem): never {
  if (problem === 'integrity') error(409, m.export_error_integrity());
  if (problem === 'document_missing') error(404, m.export_error_document_missing());
  error(404, m.export_error_version_not_found());
}
