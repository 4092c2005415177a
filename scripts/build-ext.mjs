// Builds the browser extension from the single top-level manifest.json:
//   1. static assets (icons, the bundled policy texts) into .tmp/ext-public
//   2. `vite build` with @crxjs/vite-plugin -> dist/chrome (background worker, options page)
//   3. the content script as a classic IIFE (esbuild) -> dist/chrome/content.js, added back to
//      the manifest with run_at document_start (crxjs would load it asynchronously)
//   4. dist/firefox: the same files, manifest with background.scripts + gecko id
//   5. zips of both in dist/
import { build as esbuild, transform } from 'esbuild';
import { BROWSER_SCRIPT } from './browser-bundle.mjs';
import { build as viteBuild } from 'vite';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIcons } from './make-icons.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (...p) => path.join(root, ...p);
const source = JSON.parse(readFileSync(r('manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(r('package.json'), 'utf8'));
if (source.version !== pkg.version) throw new Error(`manifest.json version ${source.version} != package.json ${pkg.version}`);

if (!existsSync(r('src/generated/rulesets.json'))) throw new Error('src/generated/rulesets.json missing: run `npm run build:rulesets` first');

// 1. static assets
const publicDir = r('.tmp/ext-public');
rmSync(publicDir, { recursive: true, force: true });
writeIcons(path.join(publicDir, 'icons'));
const policySrc = process.env.TT_POLICIES_DIR ?? path.resolve(root, '../shared/policies');
const policyFallback = '/work/shared/policies';
const policies = existsSync(policySrc) ? policySrc : policyFallback;
if (!existsSync(policies)) throw new Error(`policy texts not found at ${policySrc}`);
mkdirSync(path.join(publicDir, 'policies'), { recursive: true });
// The storage.managed schema the manifest names (Chrome refuses to load the extension without it).
cpSync(r('managed_schema.json'), path.join(publicDir, 'managed_schema.json'));
for (const f of readdirSync(policies).filter((f) => f.endsWith('.txt'))) cpSync(path.join(policies, f), path.join(publicDir, 'policies', f));

// 2. crxjs build
await viteBuild({ configFile: r('vite.config.ts'), logLevel: 'warn', publicDir });

// 3. content script, classic script
// The overlay's stylesheet is a plain template string (no interpolation): minify it as CSS,
// which esbuild's JS minifier cannot, to keep the content script within its size budget.
const minifiedOverlayCss = {
  name: 'minified-overlay-css',
  setup(build) {
    build.onLoad({ filter: /src[\\/]overlay[\\/]styles\.ts$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const css = /export const OVERLAY_CSS = `([^`]*)`;/.exec(source)?.[1];
      if (css === undefined || css.includes('${')) throw new Error('styles.ts: expected one plain OVERLAY_CSS template string');
      const { code } = await transform(css, { loader: 'css', minify: true });
      return { contents: `export const OVERLAY_CSS = ${JSON.stringify(code.trim())};`, loader: 'ts' };
    });
  },
};
const contentEntry = source.content_scripts[0].js[0];
await esbuild({
  entryPoints: [r('src/content/index.ts')],
  outfile: r('dist/chrome', contentEntry),
  ...BROWSER_SCRIPT,
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [minifiedOverlayCss],
});

const chromeManifestPath = r('dist/chrome/manifest.json');
const chromeManifest = JSON.parse(readFileSync(chromeManifestPath, 'utf8'));
chromeManifest.content_scripts = source.content_scripts;
// crxjs adds web_accessible_resources for its own loader scripts; with no crxjs content
// script there are none to expose, and exposing files lets pages fingerprint the extension.
delete chromeManifest.web_accessible_resources;
writeFileSync(chromeManifestPath, JSON.stringify(chromeManifest, null, 2));
rmSync(r('dist/chrome/.vite'), { recursive: true, force: true });

// 4. Firefox: event page with background.scripts, gecko id.
rmSync(r('dist/firefox'), { recursive: true, force: true });
cpSync(r('dist/chrome'), r('dist/firefox'), { recursive: true });
const ff = structuredClone(chromeManifest);
const worker = ff.background.service_worker;
ff.background = { scripts: [worker], type: 'module' };
ff.browser_specific_settings = source.browser_specific_settings;
writeFileSync(r('dist/firefox/manifest.json'), JSON.stringify(ff, null, 2));

// 5. zips
for (const browser of ['chrome', 'firefox']) {
  const zip = r('dist', `think-twice-${browser}-${source.version}.zip`);
  rmSync(zip, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: r('dist', browser) });
}
console.log(`extension ${source.version}: dist/chrome, dist/firefox and zips written`);
