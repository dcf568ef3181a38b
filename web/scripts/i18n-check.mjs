// Fails when the message catalogues are stale: src/i18n/nl.json must be exactly what the
// messages in the code say (run `npm run i18n:extract`), and every other catalogue must
// have the same messages, each valid ICU with the same placeholders and tags as the Dutch.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TYPE, parse } from '@formatjs/icu-messageformat-parser';

const dir = 'src/i18n';
const problems = [];

const scratch = mkdtempSync(join(tmpdir(), 'loket-i18n-'));
try {
  const out = join(scratch, 'nl.json');
  execFileSync(
    process.execPath,
    [
      'node_modules/@formatjs/cli/bin/formatjs',
      'extract',
      'src/**/*.{ts,tsx}',
      '--ignore',
      'src/gql/**',
      '--ignore',
      'src/**/*.spec.tsx',
      '--format',
      'simple',
      '--out-file',
      out,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (readFileSync(out, 'utf8') !== readFileSync(join(dir, 'nl.json'), 'utf8')) {
    problems.push(
      'src/i18n/nl.json is stale: run `npm run i18n:extract` and translate the changes',
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The placeholder names and tags of a message, sorted. */
function shape(message) {
  const found = new Set();
  const walk = (elements) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      found.add(`${el.type === TYPE.tag ? 'tag' : 'arg'}:${el.value}`);
      if (el.children) walk(el.children);
      if (el.options) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort().join(',');
}

const dutch = JSON.parse(readFileSync(join(dir, 'nl.json'), 'utf8'));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'nl.json')) {
  const other = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const id of Object.keys(dutch)) {
    if (!(id in other)) problems.push(`${file}: missing ${id}`);
  }
  for (const [id, message] of Object.entries(other)) {
    if (!(id in dutch)) {
      problems.push(`${file}: ${id} is no longer used`);
      continue;
    }
    try {
      if (shape(message) !== shape(dutch[id])) {
        problems.push(`${file}: ${id} has other placeholders than the Dutch message`);
      }
    } catch (e) {
      problems.push(`${file}: ${id} is not a valid ICU message (${e.message})`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.map((p) => `FAIL: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`i18n: ${Object.keys(dutch).length} messages, every catalogue complete`);
