// Fails the i18n step when the compiled catalog is not what messages/*.json say. Paraglide prints
// "Successfully compiled" even when its plugin failed to load and no message was emitted (e.g. a
// plugin URL that needs the internet), and a key missing in one language only shows up at runtime.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const settings = JSON.parse(
  readFileSync(path.join(appDir, 'project.inlang/settings.json'), 'utf8'),
);
const outDir = path.join(appDir, 'src/lib/paraglide/messages');

/** @param {string} locale */
function keysOf(locale) {
  const file = path.join(appDir, 'messages', `${locale}.json`);
  return Object.keys(JSON.parse(readFileSync(file, 'utf8'))).filter((key) => key !== '$schema');
}

const problems = [];
const baseKeys = keysOf(settings.baseLocale);
if (baseKeys.length === 0) problems.push(`messages/${settings.baseLocale}.json has no messages`);
for (const locale of settings.locales) {
  const keys = new Set(keysOf(locale));
  for (const key of baseKeys) {
    if (!keys.has(key)) problems.push(`messages/${locale}.json lacks "${key}"`);
  }
  for (const key of keys) {
    if (!baseKeys.includes(key)) problems.push(`messages/${locale}.json has unknown "${key}"`);
  }
}
for (const key of baseKeys) {
  const compiled = path.join(outDir, `${key}.js`);
  if (!existsSync(compiled) || !readFileSync(compiled, 'utf8').includes(`export const ${key}`)) {
    problems.push(`"${key}" was not compiled into src/lib/paraglide/messages/`);
  }
}

if (problems.length > 0) {
  console.error(`i18n catalog check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n catalog: ${baseKeys.length} messages in ${settings.locales.join(', ')}`);
