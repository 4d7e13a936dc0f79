/**
 * The sections about the record of a plan rather than its content: the version shown, its
 * approvals, the comment threads that were open.
 */
import type { ExportInput, ExportLabels } from '../input.js';
import { orNone } from '../plan-facts.js';
import { plainRun, subsection, type Fact, type OutlineBlock, type Section } from './outline.js';

/** The version's hash as a fact, with only hex digits kept. */
function hashFact(sha256: string, labels: ExportLabels): Fact {
  return { label: labels.versionHash, value: sha256.replace(/[^0-9a-f]/gi, ''), code: true };
}

export function versionSection(input: ExportInput, labels: ExportLabels): Section | null {
  const version = input.version;
  if (!version) return null;
  return {
    kind: 'version',
    key: 'version',
    level: 2,
    heading: labels.versionHeading,
    content: [
      {
        kind: 'facts',
        facts: [
          { label: labels.versionLabel, value: orNone(version.label, labels) },
          { label: labels.versionStatus, value: labels.versionStatusName(version.status) },
          { label: labels.versionCreatedAt, value: labels.dateTime(version.createdAt) },
          { label: labels.versionAuthor, value: orNone(version.authorName, labels) },
          { label: labels.versionNote, value: orNone(version.note, labels) },
          hashFact(version.sha256, labels),
        ],
      },
    ],
  };
}

/**
 * The approval record: always for a version (saying when nobody has signed yet), else only
 * when approvals are given. It ends with the hash the approvals refer to.
 */
export function approvalsSection(input: ExportInput, labels: ExportLabels): Section | null {
  const approvals = input.approvals ?? [];
  if (!input.version && approvals.length === 0) return null;
  const c = labels.approvalColumns;
  const content: OutlineBlock[] =
    approvals.length === 0
      ? [{ kind: 'paragraph', runs: [plainRun(labels.noApprovals)] }]
      : [
          {
            kind: 'table',
            header: [c.person, c.role, c.decision, c.at, c.reason],
            rows: approvals.map((a) =>
              [
                a.userName,
                labels.role(a.role),
                labels.decision(a.decision),
                labels.dateTime(a.at),
                a.reason,
              ].map((value) => orNone(value.trim(), labels)),
            ),
            rowHeaders: true,
          },
        ];
  if (input.version)
    content.push({ kind: 'facts', facts: [hashFact(input.version.sha256, labels)] });
  return {
    kind: 'approvals',
    key: 'approvals',
    level: 2,
    heading: labels.approvalsHeading,
    content,
  };
}

export function threadsSection(input: ExportInput, labels: ExportLabels): Section | null {
  const threads = input.openThreads ?? [];
  if (threads.length === 0) return null;
  return {
    kind: 'threads',
    key: 'threads',
    level: 2,
    heading: labels.threadsHeading,
    content: threads.map((thread, index) =>
      subsection({
        kind: 'thread',
        key: `thread-${index + 1}`,
        level: 3,
        heading: thread.anchorLabel,
        content: [
          {
            kind: 'facts',
            facts: [{ label: labels.threadStatus, value: labels.threadStatusName(thread.status) }],
          },
          ...thread.comments.map((comment): OutlineBlock => ({
            kind: 'statement',
            who: comment.authorName,
            when: labels.dateTime(comment.at),
            text: comment.body,
          })),
        ],
      }),
    ),
  };
}
