import type { PlanIssue, PlanIssueCode } from '../errors.js';
import { periodIssue } from '../records/phase.js';
import { formatPath, isObject } from '../validate.js';

/**
 * Referential checks the schema cannot express: ids unique across all records (comments and
 * results refer to elements by id alone), targets and responsibilities naming existing
 * stakeholders, results naming an existing phase or format, no phase ending before it starts. Works on the unvalidated
 * input, skipping what is malformed, so these issues are reported together with schema issues.
 */
export function checkIntegrity(plan: unknown): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const report = (path: (string | number)[], message: string, code: PlanIssueCode): void => {
    issues.push({ path: formatPath(path, plan), message, segments: path, code });
  };
  if (!isObject(plan)) return issues;

  const seen = new Map<string, string>();
  const stakeholderIds = new Set<string>();
  const subjectIds = new Set<string>();
  const claim = (id: unknown, path: (string | number)[], into: Set<string>): void => {
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined)
      report([...path, 'id'], `duplicate id ${id} (already used at ${first})`, 'duplicate_id');
    else seen.set(id, formatPath(path, plan));
    into.add(id);
  };

  const stakeholders = items(plan['stakeholders']);
  stakeholders.forEach((s, i) => claim(s['id'], ['stakeholders', i], stakeholderIds));
  const phases = items(plan['phases']);
  phases.forEach((p, i) => {
    claim(p['id'], ['phases', i], subjectIds);
    items(p['formats']).forEach((f, j) => claim(f['id'], ['phases', i, 'formats', j], subjectIds));
  });
  const results = items(plan['results']);
  results.forEach((r, i) => claim(r['id'], ['results', i], new Set()));

  phases.forEach((p, i) => {
    const start = p['start'];
    const end = p['end'];
    if (typeof start !== 'string' || typeof end !== 'string') return;
    const issue = periodIssue(start, end);
    if (issue) report(['phases', i, 'end'], issue.message, 'end_before_start');
  });
  phases.forEach((p, i) =>
    items(p['formats']).forEach((f, j) => {
      const targets = f['targetStakeholderIds'];
      if (!Array.isArray(targets)) return;
      targets.forEach((t: unknown, k) => {
        if (typeof t === 'string' && !stakeholderIds.has(t)) {
          report(
            ['phases', i, 'formats', j, 'targetStakeholderIds', k],
            `no stakeholder with id ${t}`,
            'unknown_reference',
          );
        }
      });
    }),
  );
  const checkResponsibilities = (owner: Record<string, unknown>, path: (string | number)[]) => {
    const cells = owner['responsibilities'];
    if (!isObject(cells)) return;
    for (const id of Object.keys(cells)) {
      if (!stakeholderIds.has(id)) {
        report(
          [...path, 'responsibilities', id],
          `no stakeholder with id ${id}`,
          'unknown_reference',
        );
      }
    }
  };
  phases.forEach((p, i) => {
    checkResponsibilities(p, ['phases', i]);
    items(p['formats']).forEach((f, j) => checkResponsibilities(f, ['phases', i, 'formats', j]));
  });
  results.forEach((r, i) => {
    const subject = r['subjectId'];
    if (typeof subject === 'string' && !subjectIds.has(subject)) {
      report(
        ['results', i, 'subjectId'],
        `no phase or format with id ${subject}`,
        'unknown_reference',
      );
    }
  });
  return issues;
}

/** The object elements of an array (anything else yields none; the schema reports it). */
function items(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
