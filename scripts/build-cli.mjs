// Bundles the command-line tool (dist/cli/think-twice.js) and the importable
// checker (dist/checker/index.js). npm packages stay external: they are the
// package's dependencies, installed beside it.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/think-twice.js' });
chmodSync('dist/cli/think-twice.js', 0o755);
await build({ ...common, entryPoints: ['src/checker/index.ts'], outfile: 'dist/checker/index.js' });
console.log('built dist/cli/think-twice.js and dist/checker/index.js');
