// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) next to each built wasm, JS,
// CSS and SVG file in the dist directory (default ./dist), which the server sends to browsers
// that accept them. Node's zlib does both, so no extra tool is needed. Prints the sizes.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
let raw = 0, br = 0, gz = 0;
// What a first page load fetches: the files index.html names, and the lazy routes' link module
// (the chunks under it load only when their pages open).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = { raw: 0, br: 0, gz: 0 };
for (const name of readdirSync(dist)) {
  if (!/\.(wasm|js|css|svg)$/.test(name)) continue;
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const data = readFileSync(path);
  const b = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const g = gzipSync(data, { level: 9 });
  writeFileSync(`${path}.br`, b);
  writeFileSync(`${path}.gz`, g);
  raw += data.length; br += b.length; gz += g.length;
  if (html.includes(`/${name}"`) || name.startsWith('__wasm_split-')) {
    first.raw += data.length; first.br += b.length; first.gz += g.length;
  }
  console.log(`${name}: ${kb(data.length)} raw, ${kb(g.length)} gzip, ${kb(b.length)} brotli`);
}
console.log(`total: ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
console.log(`first load: ${kb(first.raw)} raw, ${kb(first.gz)} gzip, ${kb(first.br)} brotli`);
