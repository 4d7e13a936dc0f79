#!/usr/bin/env node
// Checks commit messages against the house rule: a subject of at most 72 characters in the
// imperative, a blank line, then a body that says why (and what was measured).
//
//   node scripts/check-commit-messages.mjs              every commit after RULE_SINCE on HEAD
//   node scripts/check-commit-messages.mjs A..B         the commits of a range
//   node scripts/check-commit-messages.mjs --file F     one message (the commit-msg hook)
//
// CI runs the first form, so a commit that breaks the rule cannot land even without the hook.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The last commit made before the rule existed; its history is left as it was written. */
export const RULE_SINCE = '6d251eb319a254e653d98d31d7358286b3487d56';

export const MAX_SUBJECT_LENGTH = 72;

/** First words that end like a past tense or third person but are imperatives. */
const IMPERATIVES_THAT_LOOK_OTHERWISE = new Set([
  'Access',
  'Address',
  'Bless',
  'Bring',
  'Embed',
  'Focus',
  'Feed',
  'Need',
  'Pass',
  'Process',
  'Seed',
  'Speed',
  'String',
  'Bias',
  'Alias',
  'Redis',
  'Canvas',
  'Cross',
]);

/**
 * Problems of one commit message, as sentences (empty when it keeps the rule). Comment lines
 * (`#`), as git strips them from an edited message, are ignored.
 * @param {string} message
 * @returns {string[]}
 */
export function messageProblems(message) {
  const lines = message
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith('#'));
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  const [subject = '', separator, ...body] = lines;
  const problems = [];
  if (subject.trim() === '') return ['the subject is empty'];
  if (subject.length > MAX_SUBJECT_LENGTH) {
    problems.push(`the subject has ${subject.length} characters (at most ${MAX_SUBJECT_LENGTH})`);
  }
  if (subject.endsWith('.')) problems.push('the subject ends with a period');
  const firstWord = subject.replace(/^[\w-]+(\/[\w-]+)*:\s*/, '').split(/\s+/)[0] ?? '';
  if (!/^[A-Z]/.test(firstWord)) {
    problems.push(
      `the subject should start with a capitalised imperative verb, not "${firstWord}"`,
    );
  } else if (
    !IMPERATIVES_THAT_LOOK_OTHERWISE.has(firstWord) &&
    /^[A-Z][a-z]+(ed|ing|s)$/.test(firstWord) &&
    !/ss$/.test(firstWord)
  ) {
    problems.push(`the subject should be in the imperative ("${firstWord}" is not)`);
  }
  if (separator !== undefined && separator.trim() !== '') {
    problems.push('the second line must be blank');
  } else if (body.every((line) => line.trim() === '')) {
    problems.push('a body saying why (and what was measured) is missing');
  }
  return problems;
}

/** @param {string} range */
function commitsOf(range) {
  const out = execFileSync('git', ['log', '--no-merges', '--format=%H', range], {
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

/** @param {string} hash */
function messageOf(hash) {
  return execFileSync('git', ['log', '-1', '--format=%B', hash], { encoding: 'utf8' });
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--file') {
    const problems = messageProblems(readFileSync(args[1] ?? '', 'utf8'));
    for (const problem of problems) console.error(`commit message: ${problem}`);
    process.exit(problems.length === 0 ? 0 : 1);
  }
  const range = args[0] ?? `${RULE_SINCE}..HEAD`;
  let failed = 0;
  const commits = commitsOf(range);
  for (const hash of commits) {
    const problems = messageProblems(messageOf(hash));
    if (problems.length === 0) continue;
    failed += 1;
    console.error(`${hash.slice(0, 10)} ${messageOf(hash).split('\n')[0]}`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
  console.log(`commit messages: ${commits.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
