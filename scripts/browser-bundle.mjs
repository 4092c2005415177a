// esbuild options shared by every script Think Twice bundles for the browser as a
// classic script (the content script, the practice site): one target list, one JSX setup.
export const BROWSER_SCRIPT = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120', 'firefox128'],
  minify: true,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
};
