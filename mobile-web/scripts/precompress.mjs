// Writes a Brotli (.br) and a gzip (.gz) twin beside each built text file. The API serves the twin a browser accepts
// (api/…/Infrastructure/PrecompressedFiles.cs): the chat page's Web Chat bundle is 3.9 MB as JavaScript and well under
// 1 MB compressed, which on a phone is the difference between seconds and a minute. Compressed once here, at the
// highest levels, instead of on every request.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.env.PRECOMPRESS_DIST ?? new URL('../dist/', import.meta.url).pathname;
const text = new Set(['.js', '.css', '.html', '.svg', '.webmanifest', '.json', '.txt']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let before = 0, after = 0;
for (const file of [...files(dist)]) {
  if (!text.has(extname(file))) continue;
  const raw = readFileSync(file);
  if (raw.length < 1024) continue; // below one packet compression saves nothing
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  const gz = gzipSync(raw, { level: 9 });
  if (br.length < raw.length) writeFileSync(`${file}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
  before += raw.length;
  after += Math.min(br.length, raw.length);
}
console.log(`precompressed: ${(before / 1024).toFixed(0)} KB of text files, ${(after / 1024).toFixed(0)} KB as Brotli`);
