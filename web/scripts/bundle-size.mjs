// The JavaScript a browser loads for its first page, gzipped, must stay within the budget:
// the entry chunk with everything it imports statically, plus, for a first page other than
// the start page, that page's chunk and its static imports. Every page is checked as a first
// page, with what that page loads as soon as it is shown. Reads Vite's manifest in
// dist/.vite/manifest.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT = 200_000;
/**
 * Pages allowed more, each with its reason: staff pages on office equipment, opened once and
 * kept open all day, where a library made for the job beats hand-drawn markup.
 */
const EXCEPTIONS = [
  [
    /routes\/console\/dashboard\/DashboardPage/,
    260_000,
    "the managers' charts: Observable Plot, about 86 kB",
  ],
];
const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipped = new Map();
function size(file) {
  if (!gzipped.has(file)) {
    gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  }
  return gzipped.get(file);
}

/** The files of a chunk and of everything it imports statically. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) {
  console.error('FAIL: no entry in the Vite manifest');
  process.exit(1);
}
const entry = closure(entryKey);
const total = (files) =>
  [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + size(f), 0);

const pages = [['start page', total(entry)]];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry || !/routes\//.test(chunk.src ?? key)) continue;
  // The page's chunk, what it imports, and what it loads once shown (such as the login
  // library on the login provider's return page).
  const files = closure(key, new Set(entry));
  for (const dynamic of chunk.dynamicImports ?? []) closure(dynamic, files);
  pages.push([chunk.src ?? key, total(files)]);
}

let failed = false;
for (const [page, bytes] of pages) {
  const [, limit, reason] = EXCEPTIONS.find(([pattern]) => pattern.test(page)) ?? [null, LIMIT, ''];
  const over = bytes > limit;
  failed ||= over;
  const note = reason ? `  (budget ${limit / 1000} kB: ${reason})` : '';
  console.log(
    `${over ? 'FAIL' : 'ok  '} ${(bytes / 1000).toFixed(1).padStart(6)} kB  ${page}${note}`,
  );
}
console.log(`budget: ${LIMIT / 1000} kB of gzipped JavaScript for a first page`);
if (failed) process.exit(1);
