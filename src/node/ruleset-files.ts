/**
 * Node-side access to ruleset files: resolves a ruleset id (`clh`) or a path to
 * its YAML parts, supplies the base it extends, and vets authored patterns for
 * catastrophic backtracking with recheck. Browser code never imports this.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { loadRuleset, flattenRuleset, type CompiledRuleset, type RulesetFile, type RulesetInput } from '../checker/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The bundled `rulesets/` folder, found from either `src/node` or `dist/cli`. */
export function rulesetsDir(): string {
  for (const up of ['../../rulesets', '../rulesets', '../../../rulesets']) {
    const dir = resolve(here, up);
    if (existsSync(join(dir, 'base'))) return dir;
  }
  throw new Error('cannot find the bundled rulesets/ folder');
}

export { BUNDLED_RULESETS as BUNDLED_RULESET_IDS } from '../settings/rulesets.js';
import { BUNDLED_RULESETS as BUNDLED_RULESET_IDS } from '../settings/rulesets.js';

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function readParts(path: string): RulesetFile[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  return files.map((f) => ({ file: display(f), text: readFileSync(f, 'utf8') }));
}

/** Finds a ruleset by bundled id or by path (a folder of parts or a single file). */
export function rulesetPartsFor(idOrPath: string): RulesetFile[] {
  const bundled = join(rulesetsDir(), idOrPath);
  if (/^[a-z0-9-]+$/.test(idOrPath) && existsSync(bundled)) return readParts(bundled);
  if (existsSync(idOrPath)) return readParts(resolve(idOrPath));
  throw new Error(`no ruleset "${idOrPath}": give a bundled id (${BUNDLED_RULESET_IDS.join(', ')}) or a path to a .yaml file or folder`);
}

/** `extends: base` looks beside the ruleset first, then in the bundled folder. */
function baseResolver(idOrPath: string): (id: string) => RulesetFile[] | null {
  return (id) => {
    const candidates = [join(rulesetsDir(), id)];
    if (existsSync(idOrPath)) {
      const p = resolve(idOrPath);
      const folder = statSync(p).isDirectory() ? dirname(p) : dirname(p);
      candidates.unshift(join(folder, id), join(folder, `${id}.yaml`));
    }
    for (const c of candidates) if (existsSync(c)) return readParts(c);
    return null;
  };
}

const require = createRequire(import.meta.url);
let recheck: { checkSync: (src: string, flags: string) => { status: string; complexity?: { type: string; summary?: string }; attack?: { pattern?: string } } } | null = null;

/** Rejects patterns whose matching time can explode (exponential or polynomial backtracking). */
export function vetPatternForReDoS(source: string): string | null {
  recheck ??= require('recheck');
  const r = recheck!.checkSync(source, 'giu');
  if (r.status === 'vulnerable') {
    const kind = r.complexity?.summary ?? r.complexity?.type ?? 'super-linear';
    return `this pattern can take ${kind} time on crafted text (catastrophic backtracking), so a long post could freeze the browser. Bound the repetition, e.g. \\s{0,3} instead of \\s*, and avoid nested or adjacent repeats of the same characters`;
  }
  if (r.status === 'unknown') return null;
  return null;
}

export interface LoadFileOptions {
  /** Run the ReDoS check (slow-ish: for validate/test/sign, not for every CLI check). */
  vet?: boolean;
}

export function loadRulesetFrom(idOrPath: string, options: LoadFileOptions = {}): CompiledRuleset {
  return loadRuleset(rulesetPartsFor(idOrPath), { resolveBase: baseResolver(idOrPath), vetPattern: options.vet ? vetPatternForReDoS : undefined });
}

export function flattenRulesetFrom(idOrPath: string): RulesetInput {
  return flattenRuleset(rulesetPartsFor(idOrPath), { resolveBase: baseResolver(idOrPath) });
}

export function rulesetName(idOrPath: string): string {
  return basename(idOrPath).replace(/\.(ya?ml|json)$/, '');
}
