/**
 * Turns a validated ruleset (plain data) into the structures a check walks:
 * one shared term index, a tree of condition nodes per rule, regexes compiled once.
 * Compilation never throws for author mistakes: it returns issues with the path
 * of the offending field so the loader can name file, line, rule and field.
 */
import type { Category, Clause, FixKind, Severity, Site, Audience } from '../types.js';
import { DETECTORS, type DetectorName } from '../detectors/index.js';
import { parseTerm, TermIndex } from '../terms.js';
import type { ConditionInput, CoverageEntry, RuleInput, RulesetInput } from './schema.js';

export type ConditionNode =
  | { kind: 'terms'; id: number }
  | { kind: 'detector'; id: number; name: DetectorName }
  | { kind: 'pattern'; id: number; re: RegExp }
  | { kind: 'any'; id: number; children: ConditionNode[] }
  | { kind: 'all'; id: number; children: { node: ConditionNode; within: number | undefined; sentence: boolean }[] };

export interface CompiledUnless {
  node: ConditionNode;
  within: number | undefined;
  sentence: boolean;
}

export interface CompiledFix {
  action: FixKind;
  text: string;
  label: string;
}

export interface CompiledRule {
  id: string;
  category: Category;
  severity: Severity;
  severityByAudience: Partial<Record<Audience, Severity>>;
  clause: Clause;
  message: string;
  match: ConditionNode;
  unless: CompiledUnless[];
  fix: CompiledFix | null;
  sites: readonly Site[] | null;
  audiences: readonly Audience[] | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  examples: { flag: string[]; ok: string[] };
  /** Welsh texts where the ruleset provides them. */
  messageCy: string | null;
  whyCy: string | null;
}

export interface CompiledRuleset {
  id: string;
  version: number;
  title: string;
  policySource: string | null;
  rules: CompiledRule[];
  /** The policy's sections and whether each is checked (for the coverage report). */
  coverage: CoverageEntry[];
  terms: TermIndex;
  nodeCount: number;
}

export interface CompileIssue {
  /** Path into the ruleset document, e.g. ['rules', 3, 'match', 'all', 1, 'terms', 0]. */
  path: (string | number)[];
  message: string;
}

export interface CompileOptions {
  /** Signals of the ruleset this one extends. */
  base?: RulesetInput | undefined;
  /** Extra pattern vetting (the CLI plugs in a ReDoS checker); returns a reason to reject, or null. */
  vetPattern?: ((source: string) => string | null) | undefined;
}

export class RulesetCompileError extends Error {
  constructor(readonly issues: CompileIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
}

export function compileRuleset(input: RulesetInput, options: CompileOptions = {}): { ruleset: CompiledRuleset | null; issues: CompileIssue[] } {
  const issues: CompileIssue[] = [];
  const terms = new TermIndex();
  let nextId = 0;
  const signalNodes = new Map<string, ConditionNode>();
  const signalSources = new Map<string, { cond: ConditionInput; path: (string | number)[] }>();
  for (const [name, cond] of Object.entries(options.base?.signals ?? {})) signalSources.set(name, { cond, path: ['(base)', 'signals', name] });
  for (const [name, cond] of Object.entries(input.signals ?? {})) signalSources.set(name, { cond, path: ['signals', name] });
  const resolving = new Set<string>();

  function resolveSignal(name: string, path: (string | number)[]): ConditionNode | null {
    const done = signalNodes.get(name);
    if (done) return done;
    const src = signalSources.get(name);
    if (!src) {
      issues.push({ path, message: `unknown signal "${name}" (known: ${[...signalSources.keys()].sort().join(', ') || 'none'})` });
      return null;
    }
    if (resolving.has(name)) {
      issues.push({ path, message: `signal "${name}" refers to itself` });
      return null;
    }
    resolving.add(name);
    const node = compileCondition(src.cond, src.path);
    resolving.delete(name);
    if (node) signalNodes.set(name, node);
    return node;
  }

  function compileCondition(c: ConditionInput, path: (string | number)[]): ConditionNode | null {
    if (c.signal !== undefined) return resolveSignal(c.signal, [...path, 'signal']);
    if (c.terms !== undefined) {
      const id = nextId++;
      c.terms.forEach((t, i) => {
        const parsed = parseTerm(t);
        if (typeof parsed === 'string') issues.push({ path: [...path, 'terms', i], message: parsed });
        else terms.add(parsed, id);
      });
      return { kind: 'terms', id };
    }
    if (c.detector !== undefined) {
      if (!(c.detector in DETECTORS)) {
        issues.push({ path: [...path, 'detector'], message: `unknown detector "${c.detector}"` });
        return null;
      }
      return { kind: 'detector', id: nextId++, name: c.detector as DetectorName };
    }
    if (c.pattern !== undefined) {
      let re: RegExp;
      try {
        re = new RegExp(c.pattern, 'giu');
      } catch (e) {
        issues.push({ path: [...path, 'pattern'], message: `not a valid regular expression: ${(e as Error).message}` });
        return null;
      }
      if (re.test('')) {
        issues.push({ path: [...path, 'pattern'], message: 'the pattern matches empty text, so it would match everywhere' });
        return null;
      }
      const reason = options.vetPattern?.(c.pattern) ?? null;
      if (reason) {
        issues.push({ path: [...path, 'pattern'], message: reason });
        return null;
      }
      return { kind: 'pattern', id: nextId++, re };
    }
    if (c.any !== undefined) {
      const children = c.any.map((ch, i) => compileCondition(ch, [...path, 'any', i])).filter((n): n is ConditionNode => n !== null);
      return { kind: 'any', id: nextId++, children };
    }
    if (c.all !== undefined) {
      const children = c.all.map((ch, i) => {
        const node = compileCondition(ch, [...path, 'all', i]);
        return node && { node, within: ch.within ?? c.within, sentence: ch.sentence ?? c.sentence ?? false };
      });
      if (children.some((ch) => ch === null)) return null;
      return { kind: 'all', id: nextId++, children: children as { node: ConditionNode; within: number | undefined; sentence: boolean }[] };
    }
    issues.push({ path, message: 'a condition needs exactly one of terms, signal, detector, pattern, any, all' });
    return null;
  }

  const title = input.policy?.title ?? input.id;
  const rules: CompiledRule[] = [];
  const seen = new Set<string>();
  (input.rules ?? []).forEach((r: RuleInput, i) => {
    const path = ['rules', i];
    if (seen.has(r.id)) issues.push({ path: [...path, 'id'], message: `duplicate rule id "${r.id}"` });
    seen.add(r.id);
    const match = compileCondition(r.match, [...path, 'match']);
    const unless = (r.unless ?? []).map((u, j) => {
      const node = compileCondition(u, [...path, 'unless', j]);
      return node && { node, within: u.within, sentence: u.sentence ?? false };
    });
    if (r.effective?.from && r.effective.until && r.effective.from > r.effective.until) {
      issues.push({ path: [...path, 'effective'], message: '`from` is after `until`' });
    }
    if (!match || unless.some((u) => u === null)) return;
    rules.push({
      id: r.id,
      category: r.category,
      severity: r.severity,
      severityByAudience: r.severity_by_audience ?? {},
      clause: { policy: input.policy?.id ?? input.id, title, section: r.clause.section, quote: r.clause.quote.trim(), why: r.clause.why.trim() },
      message: r.message.trim(),
      match,
      unless: unless as CompiledUnless[],
      fix: r.fix ? { action: r.fix.action, text: r.fix.text ?? '', label: r.fix.label } : null,
      sites: r.sites ?? null,
      audiences: r.audiences ?? null,
      effectiveFrom: r.effective?.from ?? null,
      effectiveUntil: r.effective?.until ?? null,
      examples: r.examples,
      messageCy: r.message_cy ?? null,
      whyCy: r.clause.why_cy ?? null,
    });
  });
  // Signals nobody uses still get compiled so their mistakes are reported too.
  for (const [name, src] of signalSources) resolveSignal(name, src.path);

  if (issues.length > 0) return { ruleset: null, issues };
  return {
    ruleset: { id: input.id, version: input.version, title, policySource: input.policy?.source ?? null, rules, coverage: input.coverage ?? [], terms, nodeCount: nextId },
    issues,
  };
}
