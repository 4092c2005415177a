/**
 * Reads ruleset YAML (or its JSON form) into a compiled ruleset, or explains
 * exactly what is wrong: file, line, rule id, field, and what was expected.
 * Pure (the `yaml` parser has no I/O): callers pass file texts, not paths.
 *
 * A ruleset is one or more files (parts) whose `rules` and `signals` are merged;
 * `extends: base` makes the signals of the base ruleset's parts available.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { compileRuleset, type CompiledRuleset, type CompileIssue } from './compile.js';
import { rulesetPartSchema, rulesetSchema, type RulesetInput, type RulesetPartInput } from './schema.js';

export interface RulesetFile {
  /** Name shown in errors, e.g. `rulesets/clh/patients.yaml`. */
  file: string;
  text: string;
}

export interface RulesetIssue {
  file: string;
  line: number | null;
  rule: string | null;
  field: string;
  message: string;
}

export class RulesetError extends Error {
  constructor(readonly issues: RulesetIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'RulesetError';
  }
}

export function formatIssue(i: RulesetIssue): string {
  const where = i.line === null ? i.file : `${i.file}:${i.line}`;
  const rule = i.rule ? ` rule "${i.rule}"` : '';
  return `${where}:${rule} field "${i.field || '(top level)'}": ${i.message}`;
}

interface ParsedPart {
  file: string;
  part: RulesetPartInput | null;
  raw: unknown;
  doc: Document | null;
  lines: LineCounter | null;
  issues: RulesetIssue[];
}

function lineOf(src: ParsedPart, path: (string | number)[]): number | null {
  if (!src.doc || !src.lines) return null;
  // Walk down as far as the path exists, so a missing field points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return src.lines.linePos(node.range[0]).line;
  }
  return null;
}

function ruleIdAt(raw: unknown, path: (string | number)[]): string | null {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return null;
  const rules = (raw as { rules?: unknown[] } | null)?.rules;
  const rule = Array.isArray(rules) ? rules[path[1]] : undefined;
  const id = (rule as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : `#${path[1] + 1}`;
}

function fieldOf(path: (string | number)[]): string {
  const rest = path[0] === 'rules' && typeof path[1] === 'number' ? path.slice(2) : path;
  return rest.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function issueAt(src: ParsedPart, path: (string | number)[], message: string): RulesetIssue {
  return { file: src.file, line: lineOf(src, path), rule: ruleIdAt(src.raw, path), field: fieldOf(path), message };
}

function zodIssues(src: ParsedPart, error: z.ZodError): RulesetIssue[] {
  return error.issues.map((iss) => issueAt(src, iss.path.filter((p): p is string | number => typeof p !== 'symbol'), iss.message));
}

/** Parses and validates one part (YAML or JSON text). */
export function parseRulesetPart(f: RulesetFile): ParsedPart {
  const lines = new LineCounter();
  const doc = parseDocument(f.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const src: ParsedPart = { file: f.file, part: null, raw: null, doc, lines, issues: [] };
  if (doc.errors.length > 0) {
    src.issues = doc.errors.map((e) => ({ file: f.file, line: lines.linePos(e.pos[0]).line, rule: null, field: '', message: `not valid YAML: ${e.message.split('\n')[0]}` }));
    return src;
  }
  src.raw = doc.toJS();
  if (!isMap(doc.contents)) {
    src.issues = [{ file: f.file, line: 1, rule: null, field: '', message: 'expected a mapping (id, version, rules, signals)' }];
    return src;
  }
  const parsed = rulesetPartSchema.safeParse(src.raw);
  if (!parsed.success) src.issues = zodIssues(src, parsed.error);
  else src.part = parsed.data;
  return src;
}

/** Where each merged rule and signal came from, to point errors at the right file and line. */
interface Merged {
  input: RulesetInput | null;
  issues: RulesetIssue[];
  ruleOrigin: { src: ParsedPart; index: number }[];
  signalOrigin: Map<string, ParsedPart>;
  header: ParsedPart | null;
}

function merge(parts: ParsedPart[], what: string): Merged {
  const out: Merged = { input: null, issues: parts.flatMap((p) => p.issues), ruleOrigin: [], signalOrigin: new Map(), header: null };
  if (out.issues.length > 0) return out;
  const rules: NonNullable<RulesetInput['rules']> = [];
  const coverage: NonNullable<RulesetInput['coverage']> = [];
  const signals: NonNullable<RulesetInput['signals']> = {};
  let head: RulesetPartInput = {};
  for (const p of parts) {
    const part = p.part!;
    for (const key of ['id', 'version', 'extends', 'policy'] as const) {
      if (part[key] === undefined) continue;
      if (head[key] !== undefined && JSON.stringify(head[key]) !== JSON.stringify(part[key])) {
        out.issues.push(issueAt(p, [key], `"${key}" is already set differently in ${out.header?.file ?? 'another file'}`));
      } else {
        (head as Record<string, unknown>)[key] = part[key];
        out.header ??= p;
      }
    }
    coverage.push(...(part.coverage ?? []));
    (part.rules ?? []).forEach((r, index) => {
      rules.push(r);
      out.ruleOrigin.push({ src: p, index });
    });
    for (const [name, cond] of Object.entries(part.signals ?? {})) {
      const prev = out.signalOrigin.get(name);
      if (prev) out.issues.push(issueAt(p, ['signals', name], `signal "${name}" is also defined in ${prev.file}`));
      signals[name] = cond;
      out.signalOrigin.set(name, p);
    }
  }
  const whole = rulesetSchema.safeParse({ ...head, rules, signals, ...(coverage.length > 0 ? { coverage } : {}) });
  if (!whole.success) {
    for (const iss of whole.error.issues) {
      const where = out.header ?? parts[0];
      const path = iss.path.filter((x): x is string | number => typeof x !== 'symbol');
      out.issues.push(where ? issueAt(where, path, iss.message) : { file: what, line: null, rule: null, field: fieldOf(path), message: iss.message });
    }
  }
  if (out.issues.length === 0 && whole.success) out.input = whole.data;
  return out;
}

export interface LoadOptions {
  /** Name shown in errors when the ruleset is given as an object. */
  file?: string;
  /** The parts of the ruleset named in `extends` (e.g. `base`). */
  resolveBase?: (id: string) => RulesetFile[] | null;
  /** Extra pattern vetting (the CLI plugs in a ReDoS checker). */
  vetPattern?: (source: string) => string | null;
}

/**
 * Loads a ruleset from its files (YAML/JSON), or from an already-parsed object
 * (the bundled JSON form, with base signals merged in at build time).
 * Throws `RulesetError` listing every problem found.
 */
export function loadRuleset(source: RulesetFile[] | RulesetInput, options: LoadOptions = {}): CompiledRuleset {
  const parts = Array.isArray(source)
    ? source.map(parseRulesetPart)
    : [{ file: options.file ?? '(ruleset)', part: source as RulesetPartInput, raw: source, doc: null, lines: null, issues: [] } satisfies ParsedPart];
  const main = merge(parts, options.file ?? '(ruleset)');
  if (!main.input) throw new RulesetError(main.issues);

  let base: Merged | null = null;
  if (main.input.extends) {
    const files = options.resolveBase?.(main.input.extends) ?? null;
    if (!files || files.length === 0) {
      throw new RulesetError([issueAt(main.header!, ['extends'], `cannot find the ruleset "${main.input.extends}" this one extends`)]);
    }
    base = merge(files.map(parseRulesetPart).map((p) => (p.part ? { ...p, part: { id: main.input!.extends, version: 1, ...p.part } } : p)), main.input.extends);
    if (!base.input) throw new RulesetError(base.issues);
  }

  const { ruleset, issues } = compileRuleset(main.input, { base: base?.input ?? undefined, vetPattern: options.vetPattern });
  if (!ruleset) throw new RulesetError(issues.map((i) => locate(i, main, base)));
  return ruleset;
}

function locate(i: CompileIssue, main: Merged, base: Merged | null): RulesetIssue {
  const [head, key, ...rest] = i.path;
  const from = head === '(base)' && base ? base : main;
  const path = head === '(base)' ? i.path.slice(1) : i.path;
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const o = from.ruleOrigin[path[1]];
    if (o) return issueAt(o.src, ['rules', o.index, ...path.slice(2)], i.message);
  }
  if (path[0] === 'signals' && typeof path[1] === 'string') {
    const src = from.signalOrigin.get(path[1]);
    if (src) return issueAt(src, path, i.message);
  }
  void key;
  void rest;
  const src = from.header;
  return src ? issueAt(src, path, i.message) : { file: '(ruleset)', line: null, rule: null, field: fieldOf(path), message: i.message };
}

/** The ruleset as one self-contained object (base signals merged in), for bundling and signing. */
export function flattenRuleset(files: RulesetFile[], options: LoadOptions = {}): RulesetInput {
  const main = merge(files.map(parseRulesetPart), options.file ?? '(ruleset)');
  if (!main.input) throw new RulesetError(main.issues);
  const baseFiles = main.input.extends ? (options.resolveBase?.(main.input.extends) ?? []) : [];
  const base = merge(baseFiles.map(parseRulesetPart).map((p) => (p.part ? { ...p, part: { id: 'base', version: 1, ...p.part } } : p)), 'base');
  const { extends: _dropped, ...rest } = main.input;
  return { ...rest, signals: { ...(base.input?.signals ?? {}), ...(main.input.signals ?? {}) } };
}
