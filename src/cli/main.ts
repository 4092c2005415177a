#!/usr/bin/env node
/**
 * think-twice: check posts against a trust's ruleset, and validate/test rulesets.
 *
 *   think-twice check [--ruleset ID|PATH] [--site SITE] [--json] [TEXT]
 *   think-twice check --jsonl [--ruleset ID|PATH]          (one JSON post a line on stdin)
 *   think-twice ruleset validate|test PATH...
 *   think-twice ruleset schema                             (JSON Schema for editors)
 *   think-twice ruleset keygen|sign|verify|publish         (signed updates; see docs/ig-guide.md)
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createChecker, formatIssue, holdsPost, RulesetError, runRulesetExamples, SITES, type Checker, type Result, type Site } from '../checker/index.js';
import { rulesetSchema } from '../checker/ruleset/schema.js';
import { loadRulesetFrom } from '../node/ruleset-files.js';
import { coverageHtml, coverageMarkdown, coverageRows } from './coverage.js';
import { formatResult } from './format.js';
import { CommandError, keygen, publishBundle, signRuleset, verifyBundleFile } from './publishing.js';

const DEFAULT_RULESET = 'clh';

class UsageError extends Error {}

interface Flags {
  positional: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

function parseFlags(argv: string[], withValues: string[]): Flags {
  const flags: Flags = { positional: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (withValues.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.values.set(name, v);
      } else flags.switches.add(name);
    } else flags.positional.push(a);
  }
  return flags;
}

function parseSite(value: string | undefined): Site | undefined {
  if (value === undefined) return undefined;
  if (!(SITES as readonly string[]).includes(value)) throw new UsageError(`unknown site "${value}" (one of ${SITES.join(', ')})`);
  return value as Site;
}

/** The JSON shape shared by `--json` and `--jsonl`. */
export function toJson(result: Result): object {
  return {
    verdict: result.verdict,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      match: f.match,
      clause: { policy: f.clause.policy, title: f.clause.title, section: f.clause.section, quote: f.clause.quote },
      message: f.message,
      fix: f.fix ? { kind: f.fix.kind, label: f.fix.label, start: f.fix.start, end: f.fix.end, replacement: f.fix.replacement } : null,
    })),
    fixed: result.fixed,
  };
}

const checkers = new Map<string, Checker>();
function checkerFor(ruleset: string): Checker {
  let c = checkers.get(ruleset);
  if (!c) checkers.set(ruleset, (c = createChecker(loadRulesetFrom(ruleset))));
  return c;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const jsonlLine = z.object({ id: z.unknown().optional(), text: z.string(), site: z.enum(SITES).optional(), ruleset: z.string().optional() });

async function checkJsonl(defaultRuleset: string, defaultSite: Site | undefined): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let id: unknown = null;
    try {
      const raw: unknown = JSON.parse(line);
      id = (raw as { id?: unknown } | null)?.id ?? null;
      const post = jsonlLine.parse(raw);
      const result = checkerFor(post.ruleset ?? defaultRuleset).check(post.text, { site: post.site ?? defaultSite });
      process.stdout.write(`${JSON.stringify({ id, ...toJson(result) })}\n`);
    } catch (e) {
      const message = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') : (e as Error).message;
      process.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
    }
  }
  return 0;
}

async function check(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, ['ruleset', 'site']);
  const ruleset = flags.values.get('ruleset') ?? DEFAULT_RULESET;
  const site = parseSite(flags.values.get('site'));
  if (flags.switches.has('jsonl')) return checkJsonl(ruleset, site);
  const text = flags.positional.length > 0 ? flags.positional.join(' ') : await readStdin();
  const result = checkerFor(ruleset).check(text, { site });
  if (flags.switches.has('json')) console.log(JSON.stringify(toJson(result), null, 2));
  else console.log(formatResult(text, result, process.stdout.isTTY === true));
  return holdsPost(result.verdict) ? 1 : 0;
}

async function publishingCommand(sub: string, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, ['key', 'out', 'to', 'expires']);
  const keys = argv.flatMap((a, i) => (a === '--key' && argv[i + 1] ? [argv[i + 1]!] : []));
  const need = (name: string): string => {
    const v = flags.values.get(name);
    if (!v) throw new UsageError(`think-twice ruleset ${sub}: --${name} is required`);
    return v;
  };
  switch (sub) {
    case 'keygen':
      console.log(await keygen(flags.values.get('out') ?? '.'));
      return 0;
    case 'sign': {
      const [path] = flags.positional;
      if (!path) throw new UsageError('usage: think-twice ruleset sign PATH --key PRIVATE.key [--expires DATE] [--out BUNDLE.json]');
      const bundle = await signRuleset(path, { keyPath: need('key'), expires: flags.values.get('expires') });
      const out = flags.values.get('out') ?? `${bundle.payload.id}-v${bundle.payload.version}.bundle.json`;
      writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`);
      console.log(`signed ${bundle.payload.id} v${bundle.payload.version} with key ${bundle.signature.key} -> ${out}`);
      return 0;
    }
    case 'verify': {
      if (flags.positional.length === 0 || keys.length === 0) throw new UsageError('usage: think-twice ruleset verify BUNDLE.json... --key PUBLIC.pub [--key ...]');
      let ok = true;
      for (const path of flags.positional) {
        const r = await verifyBundleFile(path, keys);
        (r.ok ? console.log : console.error)(r.text);
        ok &&= r.ok;
      }
      return ok ? 0 : 1;
    }
    case 'publish': {
      const [path] = flags.positional;
      if (!path || keys.length === 0) throw new UsageError('usage: think-twice ruleset publish BUNDLE.json --key PUBLIC.pub --to DIR');
      console.log(await publishBundle(path, need('to'), keys));
      return 0;
    }
  }
  throw new UsageError(`unknown ruleset command "${sub}"`);
}

async function rulesetCommand(argv: string[]): Promise<number> {
  const [sub, ...paths] = argv;
  if (sub === 'keygen' || sub === 'sign' || sub === 'verify' || sub === 'publish') return publishingCommand(sub, paths);
  if (sub === 'coverage') {
    const flags = parseFlags(paths, ['html', 'md']);
    const [id] = flags.positional;
    if (!id) throw new UsageError('usage: think-twice ruleset coverage ID|PATH [--md FILE] [--html FILE]');
    const rs = loadRulesetFrom(id);
    const md = coverageMarkdown(rs);
    const html = flags.values.get('html');
    const mdFile = flags.values.get('md');
    if (html) writeFileSync(html, coverageHtml(rs));
    if (mdFile) writeFileSync(mdFile, md);
    if (!html && !mdFile) console.log(md);
    return coverageRows(rs).some((r) => r.status === 'gap') ? 1 : 0;
  }
  if (sub === 'schema') {
    console.log(JSON.stringify(z.toJSONSchema(rulesetSchema.partial(), { io: 'input' }), null, 2));
    return 0;
  }
  if (sub !== 'validate' && sub !== 'test') throw new UsageError('usage: think-twice ruleset validate|test PATH...');
  if (paths.length === 0) throw new UsageError(`usage: think-twice ruleset ${sub} PATH...`);
  let failed = false;
  for (const path of paths) {
    try {
      const rs = loadRulesetFrom(path, { vet: true });
      if (sub === 'validate') {
        console.log(`ok  ${path}: ruleset ${rs.id} v${rs.version}, ${rs.rules.length} rules, ${rs.terms.size} terms`);
        continue;
      }
      const { passed, failures } = runRulesetExamples(rs);
      for (const f of failures) console.log(`FAIL ${f.rule} [${f.kind}] ${f.problem}\n     ${JSON.stringify(f.text)}`);
      console.log(`${failures.length === 0 ? 'ok  ' : 'FAIL'} ${path}: ${passed} passed, ${failures.length} failed`);
      if (failures.length > 0) failed = true;
    } catch (e) {
      if (!(e instanceof RulesetError)) throw e;
      for (const i of e.issues) console.error(formatIssue(i));
      console.error(`FAIL ${path}: ${e.issues.length} problem${e.issues.length === 1 ? '' : 's'}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

const HELP = `think-twice — check a post against an NHS trust's social-media policy

  think-twice check [--ruleset ID|PATH] [--site SITE] [--json] [TEXT]
      Checks TEXT (or standard input). Exit 1 when the post would be held (block/warn).
  think-twice check --jsonl [--ruleset ID|PATH] [--site SITE]
      Reads {"id","text","site"?,"ruleset"?} a line from standard input, writes one result a line.
  think-twice ruleset validate PATH...     check ruleset files (names file, line, rule, field)
  think-twice ruleset test PATH...         also run every rule's flag/ok examples
  think-twice ruleset schema               print the JSON Schema for ruleset files
  think-twice ruleset coverage ID [--md FILE] [--html FILE]
                                           clause-by-clause map of the policy to the rules
  think-twice ruleset keygen [--out DIR]   make an Ed25519 signing key pair for your IG team
  think-twice ruleset sign PATH --key PRIVATE.key [--expires DATE] [--out BUNDLE.json]
                                           validate, test, then sign (refuses a failing ruleset)
  think-twice ruleset verify BUNDLE.json --key PUBLIC.pub
  think-twice ruleset publish BUNDLE.json --key PUBLIC.pub --to DIR
                                           write DIR/<id>/latest.json for any static HTTPS host

Bundled rulesets: clh, cddft, nhs-wales, leeds-ccg, las. Sites: ${SITES.join(', ')}.
Nothing you check leaves this computer.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest);
      case 'ruleset':
        return await rulesetCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CommandError) console.error(e.message);
    else if (e instanceof RulesetError) for (const i of e.issues) console.error(formatIssue(i));
    else console.error((e as Error).message);
    return 2;
  }
}

// Run when executed directly (also from the esbuild bundle), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/think-twice(\.js)?$|cli[/\\]main\.ts$/.test(invoked)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
