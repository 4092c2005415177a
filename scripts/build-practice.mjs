// Builds the practice site (issue 4) into dist/practice/think-twice-practice/:
//   assets/app.js + app.css   one bundle (the editors, the checker, all bundled rulesets)
//   <site>/index.html         one page per composer: facebook, twitter, linkedin, whatsapp, any
//   index.html                goes to facebook/
// Everything is local: the pages load nothing from the network.
import { build } from 'esbuild';
import { BROWSER_SCRIPT } from './browser-bundle.mjs';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/practice/think-twice-practice');
if (!existsSync(path.join(root, 'src/generated/rulesets.json'))) throw new Error('src/generated/rulesets.json missing: run `npm run build:rulesets` first');

export const PRACTICE_PAGES = ['facebook', 'twitter', 'linkedin', 'whatsapp', 'any'];
const TITLES = { facebook: 'Facebook-style feed', twitter: 'X-style timeline', linkedin: 'LinkedIn-style feed', whatsapp: 'WhatsApp-style chat', any: 'Any website' };

rmSync(path.join(root, 'dist/practice'), { recursive: true, force: true });
mkdirSync(path.join(out, 'assets'), { recursive: true });
await build({
  entryPoints: [path.join(root, 'src/practice/main.tsx')],
  outfile: path.join(out, 'assets/app.js'),
  ...BROWSER_SCRIPT, // a classic script: runs after the extension's document_start content script
  loader: { '.json': 'json' },
  // draft-js (via fbjs) still expects Node's `global`.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
});

const page = (site) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[site]} · Think Twice practice</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../assets/app.css">
</head>
<body>
<header id="bar"></header>
<p class="pr-notice">Practice site: nothing you type here is stored, counted or sent anywhere. Keys: → / N / Page Down next, ← / P / Page Up previous, F show the fix, R reset, 1–5 switch composer, Esc leaves the composer.</p>
<main class="pr-main">
<section class="pr-stage" aria-label="Composer"><div id="composer"></div><div id="controls"></div></section>
<aside id="explain" aria-label="Explanation"></aside>
<section id="library" aria-label="Scenario library"></section>
</main>
<script src="../assets/app.js"></script>
</body>
</html>
`;
for (const site of PRACTICE_PAGES) {
  mkdirSync(path.join(out, site), { recursive: true });
  writeFileSync(path.join(out, site, 'index.html'), page(site));
}
writeFileSync(path.join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=facebook/"><title>Think Twice practice</title><a href="facebook/">Practice site</a>\n');
console.log('practice site: dist/practice/think-twice-practice/');
