// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` next to each built wasm, JS, CSS and
// SVG file in the dist directory (default ./dist), which the server sends to browsers that
// accept them. Prints the sizes. The `.gz` copies come from zopfli (Debian's `zopfli`, installed
// by scripts/setup.sh): a gzip stream any browser reads, ~5 % smaller than zlib's level 9, which
// is what a first load moves for clients without brotli. Files are compressed in parallel.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';

const run = promisify(execFile);

/** Zopfli's gzip of `path`, written to `path.gz`; returns the compressed size. */
async function zopfli(path) {
  await run('zopfli', ['--gzip', path]);
  return statSync(`${path}.gz`).size;
}

const dist = process.argv[2] ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
let raw = 0, br = 0, gz = 0;
const names = readdirSync(dist).filter(
  (name) => /\.(wasm|js|css|svg)$/.test(name) && statSync(join(dist, name)).isFile(),
);
// zopfli is single-threaded and takes ~4 s per MB: one process per core.
const gzSizes = new Map();
const sizes = new Map(names.map((name) => [name, statSync(join(dist, name)).size]));
// Largest first, so the big wasm modules do not end up alone at the tail.
const queue = [...names].sort((a, b) => sizes.get(b) - sizes.get(a));
await Promise.all(
  Array.from({ length: availableParallelism() }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      gzSizes.set(name, await zopfli(join(dist, name)));
    }
  }),
);
// What a first page load fetches: the files index.html names, and the lazy routes' link module
// (the chunks under it load only when their pages open).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = { raw: 0, br: 0, gz: 0 };
for (const name of names) {
  const path = join(dist, name);
  const data = readFileSync(path);
  const b = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const g = gzSizes.get(name);
  writeFileSync(`${path}.br`, b);
  raw += data.length; br += b.length; gz += g;
  if (html.includes(`/${name}"`) || name.startsWith('__wasm_split-')) {
    first.raw += data.length; first.br += b.length; first.gz += g;
  }
  console.log(`${name}: ${kb(data.length)} raw, ${kb(g)} gzip, ${kb(b.length)} brotli`);
}
console.log(`total: ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
console.log(`first load: ${kb(first.raw)} raw, ${kb(first.gz)} gzip, ${kb(first.br)} brotli`);
