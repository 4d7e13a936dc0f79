// Summarizes a V8 .cpuprofile (from `run-bench.mjs --cpu-prof`): self time by function and by
// package, so one can see where a server spends its CPU without opening DevTools.
//
//   node tests/load/summarize-cpu-profile.mjs <file.cpuprofile> [top=25] [fromS toS]
//
// With fromS/toS only the samples between those seconds after the profile's start count (a
// server profile spans connecting, the measured window and shutdown; look at the window alone).
import { readFileSync } from 'node:fs';

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/load/summarize-cpu-profile.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
/** @type {{ nodes: any[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} */
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** @type {Map<number, any>} */
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
/** @type {Map<number, number>} self time in µs per node id */
const self = new Map();
const fromUs = fromArg === undefined ? -Infinity : Number(fromArg) * 1e6;
const toUs = toArg === undefined ? Infinity : Number(toArg) * 1e6;
let elapsed = 0;
let total = 0;
for (let i = 0; i < profile.samples.length; i += 1) {
  const delta = profile.timeDeltas[i] ?? 0;
  elapsed += delta;
  if (elapsed < fromUs || elapsed > toUs) continue;
  total += delta;
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + delta);
}

/** @param {string} url */
function packageOf(url) {
  if (!url) return '(native/V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  const match = /\/(collab-server|packages\/[^/]+|tests)\//.exec(url);
  return match ? match[1] : url;
}

/** @type {Map<string, number>} */
const byFunction = new Map();
/** @type {Map<string, number>} */
const byPackage = new Map();
for (const [id, us] of self) {
  const frame = byId.get(id).callFrame;
  const where = frame.url
    ? `${frame.url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${frame.lineNumber + 1}`
    : '';
  const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const pkg = packageOf(frame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}

const pct = (/** @type {number} */ us) => ((us / total) * 100).toFixed(1).padStart(5);
const ms = (/** @type {number} */ us) => (us / 1000).toFixed(0).padStart(7);
console.log(`${file}\nwall ${(total / 1e6).toFixed(1)} s; self time by package (ms, % of wall):`);
for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${ms(us)} ${pct(us)}%  ${pkg}`);
}
console.log(`\ntop ${top} functions by self time:`);
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms(us)} ${pct(us)}%  ${key}`);
}
