// Trunk post-build hook (Trunk.toml): joins the stylesheets index.html links into one minified,
// content-hashed file, for release builds. The sources stay one file per area (style/*.css),
// but a browser fetching eleven small files pays eleven gzip streams whose dictionaries start
// empty, and every comment and indent: one stripped file is about half their compressed size
// (docs/spa-performance.md). Debug builds keep the files as they are, for the dev tools.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('bundle-css.mjs runs as a Trunk hook (TRUNK_STAGING_DIR unset)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

/**
 * `css` without comments and without the whitespace CSS does not need: runs collapse to one
 * space, and none is kept next to `{`, `}`, `;` or `,`. Spaces elsewhere (descendant
 * combinators, `calc(a + b)`, values) are kept, and no stylesheet here has these characters
 * inside strings or URLs.
 */
function minify(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

const html = join(stage, 'index.html');
let page = readFileSync(html, 'utf8');
const links = [...page.matchAll(/[ \t]*<link rel="stylesheet" href="\/([^"]+\.css)"[^>]*>\n?/g)];
if (links.length === 0) throw new Error('index.html links no stylesheet');
// Cascade order matters: join the files in the order index.html lists them.
const css = minify(links.map(([, file]) => readFileSync(join(stage, file), 'utf8')).join('\n'));
const name = `casebook-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(join(stage, name), css);
const sri = `sha384-${createHash('sha384').update(css).digest('base64')}`;
// The bundle takes the first link's place; the other links go.
links.forEach(([whole, file], i) => {
  const tag = i === 0 ? `    <link rel="stylesheet" href="/${name}" integrity="${sri}"/>\n` : '';
  page = page.replace(whole, tag);
  rmSync(join(stage, file));
});
writeFileSync(html, page);
console.log(`bundled ${links.length} stylesheets into ${name}`);
