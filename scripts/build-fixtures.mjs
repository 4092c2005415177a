// Builds the e2e fixture pages: one self-contained HTML file per site in e2e/fixtures/dist/.
// Everything (JS bundle, editor CSS) is inlined so the pages load NO external resources;
// the Playwright harness serves them at the real sites' URLs.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'e2e/fixtures/src');
const outDir = path.join(root, 'e2e/fixtures/dist');
const css = (p) => readFile(path.join(root, 'node_modules', p), 'utf8');

const BASE_CSS = `body{font:14px system-ui,sans-serif;margin:16px}
[contenteditable]{outline:1px solid #aaa;min-height:2.5em;padding:4px;white-space:pre-wrap}
[role=dialog]{border:2px solid #333;padding:12px;margin:12px 0}
button[disabled],[aria-disabled=true]{opacity:.5}`;

const SITES = {
  facebook: { title: 'Facebook', css: [] },
  twitter: { title: 'Home / X', css: ['draft-js/dist/Draft.css'] },
  linkedin: { title: 'Feed | LinkedIn', css: ['quill/dist/quill.core.css'] },
  whatsapp: { title: 'WhatsApp', css: [] },
};

await mkdir(outDir, { recursive: true });
for (const [site, { title, css: cssFiles }] of Object.entries(SITES)) {
  const result = await build({
    entryPoints: [path.join(srcDir, `${site}.ts`)],
    bundle: true,
    format: 'iife', // a classic script: runs after any document_start content script
    platform: 'browser',
    target: 'es2022',
    minify: false,
    write: false,
    // draft-js (via fbjs) still expects Node's `global`.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  // "</script" inside the bundle would end the inline <script> early.
  const js = result.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const styles = [BASE_CSS, ...(await Promise.all(cssFiles.map(css)))].join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${styles}</style>
</head><body><div id="app"></div>
<script>${js}</script>
</body></html>
`;
  await writeFile(path.join(outDir, `${site}.html`), html);
  console.log(`fixtures: ${site}.html ${(html.length / 1024).toFixed(0)} KiB`);
}
