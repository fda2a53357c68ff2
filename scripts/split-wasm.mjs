// Trunk post-build hook (Trunk.toml): splits the SPA's wasm at its lazy routes
// (src/pages/lazy.rs), so the first page load fetches only the main module and the other pages'
// code comes in chunks when they are first opened.
//
// Trunk has already built the wasm with cargo and run wasm-bindgen on it whole; this redoes the
// last steps the way a split needs them: `wasm-split-cli` (crate wasm_split_cli_support) cuts the
// linked module (which keeps its relocations: .cargo/config.toml) into a main module and chunks,
// wasm-bindgen runs on the main module only, keeping the exports the chunks link against, and
// wasm-opt -Oz optimises every piece (release builds). Every output file is named by its content
// hash, as Trunk names its own, so the server can let browsers cache them for good, and the
// integrity hashes Trunk wrote into index.html are replaced by those of the new files.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const stage = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!stage) throw new Error('split-wasm.mjs runs as a Trunk hook (TRUNK_STAGING_DIR unset)');
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
// The module cargo just linked: Trunk.toml's cargo_profile (wasm-release) or, for a dev build
// that does not use it, cargo's own profile directories; the newest is this build's.
const linked = ['wasm-release', 'debug', 'release']
  .map((profile) => join(targetDir, 'wasm32-unknown-unknown', profile, 'casebook-ui.wasm'))
  .filter((f) => existsSync(f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!linked) throw new Error(`no casebook-ui.wasm under ${targetDir}/wasm32-unknown-unknown`);

const glue = readdirSync(stage).find((f) => /^casebook-ui-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error(`no casebook-ui-<hash>.js in ${stage}`);
const name = glue.slice(0, -'.js'.length);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });

const work = mkdtempSync(join(tmpdir(), 'casebook-split-'));
try {
  run('wasm-split-cli', [linked, work, '--out-name', name]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
    '--out-name', name, '--out-dir', join(work, 'bindgen'), join(work, `${name}.wasm`)]);
  rmSync(join(work, `${name}.wasm`));
  renameSync(join(work, 'bindgen', `${name}_bg.wasm`), join(work, `${name}_bg.wasm`));
  renameSync(join(work, 'bindgen', `${name}.js`), join(work, `${name}.js`));

  const wasm = readdirSync(work).filter((f) => f.endsWith('.wasm'));
  if (release) {
    // Two at a time: this machine has two cores, and the main module takes the longest.
    const queue = [...wasm].sort((a, b) => (a.startsWith(name) ? -1 : b.startsWith(name) ? 1 : 0));
    const opt = (f) => promisify(execFile)('wasm-opt', ['-Oz', '--enable-bulk-memory',
      '--enable-nontrapping-float-to-int', join(work, f), '-o', join(work, f)]);
    await Promise.all([0, 1].map(async () => {
      for (let f; (f = queue.shift()) !== undefined;) await opt(f);
    }));
  }

  // Chunks and the link module get content-hashed names; references follow them.
  const hash16 = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
  const link = join(work, '__wasm_split.js');
  let linkJs = readFileSync(link, 'utf8');
  for (const f of wasm.filter((f) => !f.startsWith(name))) {
    const hashed = `${f.slice(0, -'.wasm'.length)}-${hash16(readFileSync(join(work, f)))}.wasm`;
    renameSync(join(work, f), join(stage, hashed));
    linkJs = linkJs.replaceAll(`"./${f}"`, `"./${hashed}"`);
  }
  const linkName = `__wasm_split-${hash16(linkJs)}.js`;
  writeFileSync(join(stage, linkName), linkJs);
  // Only the JS import changes: the wasm still names its import module `./__wasm_split.js`.
  const mainJs = readFileSync(join(work, `${name}.js`), 'utf8')
    .replaceAll('from "./__wasm_split.js"', `from "./${linkName}"`);
  writeFileSync(join(stage, `${name}.js`), mainJs);
  renameSync(join(work, `${name}_bg.wasm`), join(stage, `${name}_bg.wasm`));

  // index.html preloads the glue and the main module with integrity hashes of Trunk's versions.
  const sri = (f) => `sha384-${createHash('sha384').update(readFileSync(join(stage, f))).digest('base64')}`;
  const html = join(stage, 'index.html');
  let page = readFileSync(html, 'utf8');
  for (const f of [`${name}.js`, `${name}_bg.wasm`]) {
    page = page.replace(new RegExp(`(href="/${f}"[^>]*integrity=")[^"]*`), `$1${sri(f)}`);
  }
  writeFileSync(html, page);
  console.log(`split ${name}: main module + ${wasm.length - 1} chunks`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
