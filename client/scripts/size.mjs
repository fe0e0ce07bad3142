// Prints the initial JavaScript (what index.html loads before any lazy route or chart) gzipped, against
// the 300 KB budget, and fails the build when it is over.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
let initialBytes = 0;
for (const f of initial) initialBytes += gz(f);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazyBytes = all.filter((f) => !initial.has(`assets/${f}`)).reduce((n, f) => n + gz(`assets/${f}`), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`client bundle: initial JS ${kb(initialBytes)} gzipped (${initial.size} files; budget 300 KB), lazy chunks ${kb(lazyBytes)} gzipped (${all.length - initial.size} files)`);
if (initialBytes > 300 * 1024) {
  console.error('initial JS is over the 300 KB budget');
  process.exit(1);
}
