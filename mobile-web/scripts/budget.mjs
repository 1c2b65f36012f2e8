// Page-weight budget: everything the rating page loads (HTML, JS, CSS, fonts, and the icons and manifest it
// links) must stay under 60 KB gzipped, so it opens in about a second on a slow 3G connection.
// Follows the HTML's links and each script's static imports; `node scripts/budget.mjs [page] [limitKB]`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.BUDGET_DIST ?? new URL('../dist/', import.meta.url).pathname;
const page = process.argv[2] ?? 'rating.html';
const limit = Number(process.argv[3] ?? 60) * 1024;

function referencedFiles(htmlPath) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    const refs = file.endsWith('.html')
      ? [...text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)].map(m => m[1])
      : file.endsWith('.js') ? [...text.matchAll(/(?:import|from)\s*["']([^"']+\.(?:js|css))["']/g)].map(m => m[1]) : [];
    for (const ref of refs) {
      if (/^[a-z]+:/i.test(ref)) continue; // absolute URLs are not ours to count (there are none)
      const path = ref.startsWith('/') ? ref.slice(1) : normalize(join(dirname(file), ref));
      visit(path.split('?')[0]);
    }
  };
  visit(htmlPath);
  return [...seen];
}

if (!existsSync(join(dist, page))) {
  console.error(`budget: dist/${page} not found; run npm run build first`);
  process.exit(1);
}
let total = 0;
for (const file of referencedFiles(page)) {
  const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(2).padStart(8)} KB  ${file}`);
}
const ok = total <= limit;
console.log(`${(total / 1024).toFixed(2).padStart(8)} KB  total gzipped for ${page} (budget ${limit / 1024} KB): ${ok ? 'OK' : 'OVER BUDGET'}`);
process.exit(ok ? 0 : 1);
