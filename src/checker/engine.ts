/**
 * Runs a compiled ruleset over one text. Pure and synchronous: the same call
 * gives the same result in the service worker, the page and Node.
 */
import { buildDoc, tokenIndexAt, toOriginalSpan, type Doc } from './normalise.js';
import { DETECTORS } from './detectors/index.js';
import type { CompiledRule, CompiledRuleset, ConditionNode } from './ruleset/compile.js';
import type { TermHit } from './terms.js';
import { highestVerdict, type CheckContext, type Finding, type Result, type Severity } from './types.js';
import { applyFixes, fixFor } from './fix.js';

/** A hit in clean-text offsets, with the token range it covers (inclusive). */
interface Hit {
  start: number;
  end: number;
  t0: number;
  t1: number;
}

class Evaluation {
  private readonly memo = new Map<number, Hit[]>();
  private readonly termHits: Map<number, TermHit[]>;
  /** Offsets of sentence ends in `doc.lower`, for `sentence: true`. */
  private sentenceEnds: number[] | null = null;

  constructor(
    readonly doc: Doc,
    ruleset: CompiledRuleset,
  ) {
    this.termHits = ruleset.terms.scan(doc);
  }

  hits(node: ConditionNode): Hit[] {
    const cached = this.memo.get(node.id);
    if (cached) return cached;
    const result = this.compute(node);
    this.memo.set(node.id, result);
    return result;
  }

  private fromSpan(start: number, end: number): Hit {
    const t0 = tokenIndexAt(this.doc, start);
    const t1 = Math.max(t0, tokenIndexAt(this.doc, Math.max(start, end - 1)));
    return { start, end, t0, t1 };
  }

  private compute(node: ConditionNode): Hit[] {
    switch (node.kind) {
      case 'terms': {
        const tokens = this.doc.tokens;
        return (this.termHits.get(node.id) ?? []).map((h) => ({ start: tokens[h.t0]!.start, end: tokens[h.t1]!.end, t0: h.t0, t1: h.t1 }));
      }
      case 'detector':
        return DETECTORS[node.name](this.doc).map((s) => this.fromSpan(s.start, s.end));
      case 'pattern': {
        const out: Hit[] = [];
        const re = node.re;
        re.lastIndex = 0;
        for (let m = re.exec(this.doc.lower); m; m = re.exec(this.doc.lower)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          out.push(this.fromSpan(m.index, m.index + m[0].length));
        }
        return out;
      }
      case 'any':
        return node.children.flatMap((c) => this.hits(c));
      case 'all': {
        const [anchor, ...rest] = node.children;
        if (!anchor) return [];
        // Cheapest rejection first: if any companion never occurs, nothing can match.
        const restHits = rest.map((r) => ({ hits: this.hits(r.node), within: r.within, sentence: r.sentence }));
        if (restHits.some((r) => r.hits.length === 0)) return [];
        return this.hits(anchor.node).filter((a) => restHits.every((r) => r.hits.some((h) => this.near(a, h, r.within, r.sentence))));
      }
    }
  }

  near(a: Hit, b: Hit, within: number | undefined, sentence: boolean): boolean {
    if (within !== undefined) {
      const gap = b.t0 > a.t1 ? b.t0 - a.t1 - 1 : a.t0 > b.t1 ? a.t0 - b.t1 - 1 : 0;
      if (gap > within) return false;
    }
    if (sentence) {
      const from = Math.min(a.end, b.end);
      const to = Math.max(a.start, b.start);
      if (to > from && this.sentenceEndsBetween(from, to)) return false;
    }
    return true;
  }

  private sentenceEndsBetween(from: number, to: number): boolean {
    if (!this.sentenceEnds) {
      this.sentenceEnds = [];
      const re = /[.!?](?=\s)|\n/g;
      for (let m = re.exec(this.doc.lower); m; m = re.exec(this.doc.lower)) this.sentenceEnds.push(m.index);
    }
    return this.sentenceEnds.some((e) => e >= from && e < to);
  }
}

function ruleApplies(rule: CompiledRule, ctx: CheckContext): boolean {
  if (rule.sites && ctx.site && !rule.sites.includes(ctx.site)) return false;
  if (rule.audiences && ctx.audience && !rule.audiences.includes(ctx.audience)) return false;
  if (ctx.now) {
    const today = ctx.now.toISOString().slice(0, 10);
    if (rule.effectiveFrom && today < rule.effectiveFrom) return false;
    if (rule.effectiveUntil && today > rule.effectiveUntil) return false;
  }
  return true;
}

function severityFor(rule: CompiledRule, ctx: CheckContext): Severity {
  return (ctx.audience && rule.severityByAudience[ctx.audience]) || rule.severity;
}

/** Overlapping hits of one rule become one finding spanning them all. */
function mergeOverlapping(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      last.t1 = Math.max(last.t1, h.t1);
    } else out.push({ ...h });
  }
  return out;
}

export function runCheck(ruleset: CompiledRuleset, text: string, ctx: CheckContext = {}): Result {
  const doc = buildDoc(text);
  const ev = new Evaluation(doc, ruleset);
  const findings: Finding[] = [];
  for (const rule of ruleset.rules) {
    if (!ruleApplies(rule, ctx)) continue;
    let hits = ev.hits(rule.match);
    if (hits.length === 0) continue;
    for (const u of rule.unless) {
      const exceptions = ev.hits(u.node);
      if (exceptions.length === 0) continue;
      if (u.within === undefined && !u.sentence) {
        hits = [];
        break;
      }
      hits = hits.filter((h) => !exceptions.some((x) => ev.near(h, x, u.within, u.sentence)));
    }
    const severity = severityFor(rule, ctx);
    for (const h of mergeOverlapping(hits)) {
      const span = toOriginalSpan(doc, h.start, h.end);
      findings.push({
        rule: rule.id,
        category: rule.category,
        severity,
        start: span.start,
        end: span.end,
        match: text.slice(span.start, span.end),
        clause: rule.clause,
        message: rule.message,
        fix: rule.fix ? fixFor(rule.fix, text, span.start, span.end) : null,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { verdict: highestVerdict(findings), findings, fixed: applyFixes(text, findings) };
}
