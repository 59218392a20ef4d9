// Initial payload of the public pages: the files index.html loads, gzipped (docs/benchmarks.md, budget
// 250 KB of JS); then every lazy chunk for reference.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../target/dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let js = 0;
for (const file of initial) {
  const size = gz(file);
  if (file.endsWith('.js')) js += size;
  console.log(`initial  ${file.padEnd(44)} ${(size / 1024).toFixed(1)} KB gz`);
}
for (const file of readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)) {
  if (!initial.includes(file)) console.log(`lazy     ${file.padEnd(44)} ${(gz(file) / 1024).toFixed(1)} KB gz`);
}
console.log(`initial JS: ${(js / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
process.exit(js <= 250 * 1024 ? 0 : 1);
