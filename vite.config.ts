/**
 * Chrome build of the extension with @crxjs/vite-plugin (background worker, options page,
 * manifest). The submit-intercepting content script is NOT built here: crxjs loads content
 * scripts through an async dynamic import, which would register its listeners after the
 * page's own. scripts/build-ext.mjs builds it separately as a classic IIFE script and adds
 * it back to the manifest, then derives the Firefox variant.
 */
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';

const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// Chrome warns about (and rejects in the store) keys it does not know.
const { content_scripts: _contentScripts, browser_specific_settings: _gecko, ...chromeManifest } = source;

export default defineConfig({
  publicDir: process.env.TT_PUBLIC_DIR ?? '.tmp/ext-public',
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    target: ['chrome120', 'firefox128'],
    minify: true,
    sourcemap: false,
    modulePreload: false,
    // Extension pages the manifest does not name (crxjs builds those it names): the
    // "Practise" page (issue 4), opened from the popup at src/practise/index.html.
    rollupOptions: { input: { practise: 'src/practise/index.html' } },
  },
  plugins: [crx({ manifest: chromeManifest as unknown as ManifestV3Export, browser: 'chrome' })],
  // crxjs' dev-server features (HMR websocket) are never shipped: `vite build` only.
  server: { hmr: false },
});
