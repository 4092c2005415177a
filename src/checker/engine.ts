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
  private readonly indexes = new Map<number, HitIndex>();

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
        // Word lists are already scanned and cost nothing to ask: if one of them is
        // absent, the detectors and patterns of this combination never need to run.
        for (const r of [anchor, ...rest]) if (costOf(r.node) === 0 && this.hits(r.node).length === 0) return [];
        const restHits = rest.map((r) => ({ index: this.index(r.node), within: r.within, sentence: r.sentence }));
        if (restHits.some((r) => r.index.empty)) return [];
        return this.hits(anchor.node).filter((a) => restHits.every((r) => r.index.hasNear(a, r.within, r.sentence)));
      }
    }
  }

  /** Hits of a node, indexed for "is any of them near this one?" questions. */
  index(node: ConditionNode): HitIndex {
    let idx = this.indexes.get(node.id);
    if (!idx) this.indexes.set(node.id, (idx = new HitIndex(this.hits(node), (offset) => this.sentenceOf(offset))));
    return idx;
  }

  /** Sentence number of a clean-text offset (binary search over sentence ends). */
  private sentenceOf(offset: number): number {
    if (!this.sentenceEnds) {
      this.sentenceEnds = [];
      const re = /[.!?](?=\s)|\n/g;
      for (let m = re.exec(this.doc.lower); m; m = re.exec(this.doc.lower)) this.sentenceEnds.push(m.index);
    }
    const ends = this.sentenceEnds;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * A condition's hits sorted by position, so "is one within N words (or in the
 * same sentence)?" is a binary search, not a scan: a 100,000-character paste
 * full of hits must not turn into millions of comparisons.
 */
class HitIndex {
  private readonly sorted: Hit[];
  private readonly maxWords: number;
  private sentences: Set<number> | null = null;

  constructor(
    hits: Hit[],
    private readonly sentenceOf: (offset: number) => number,
  ) {
    this.sorted = [...hits].sort((a, b) => a.t0 - b.t0);
    this.maxWords = hits.reduce((m, h) => Math.max(m, h.t1 - h.t0), 0);
  }

  get empty(): boolean {
    return this.sorted.length === 0;
  }

  private sentencesOf(h: Hit): [number, number] {
    return [this.sentenceOf(h.start), this.sentenceOf(Math.max(h.start, h.end - 1))];
  }

  hasNear(a: Hit, within: number | undefined, sentence: boolean): boolean {
    if (this.sorted.length === 0) return false;
    if (within === undefined) {
      if (!sentence) return true;
      if (!this.sentences) {
        this.sentences = new Set();
        for (const h of this.sorted) {
          const [s0, s1] = this.sentencesOf(h);
          for (let s = s0; s <= s1; s++) this.sentences.add(s);
        }
      }
      const [a0, a1] = this.sentencesOf(a);
      for (let s = a0; s <= a1; s++) if (this.sentences.has(s)) return true;
      return false;
    }
    // Candidates start no earlier than a.t0 - within - 1 - (longest hit) and no later than a.t1 + within + 1.
    const from = a.t0 - within - 1 - this.maxWords;
    const to = a.t1 + within + 1;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.t0 < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.t0 <= to; i++) {
      const b = this.sorted[i]!;
      const gap = b.t0 > a.t1 ? b.t0 - a.t1 - 1 : a.t0 > b.t1 ? a.t0 - b.t1 - 1 : 0;
      if (gap > within) continue;
      if (!sentence) return true;
      const [a0, a1] = this.sentencesOf(a);
      const [b0, b1] = this.sentencesOf(b);
      if (a0 <= b1 && b0 <= a1) return true;
    }
    return false;
  }
}

const costs = new WeakMap<ConditionNode, number>();

/** 0 for conditions made only of word lists (free after the one scan), 1 otherwise. Cached per node. */
function costOf(node: ConditionNode): number {
  let c = costs.get(node);
  if (c === undefined) costs.set(node, (c = computeCost(node)));
  return c;
}

function computeCost(node: ConditionNode): number {
  switch (node.kind) {
    case 'terms':
      return 0;
    case 'any':
      return node.children.every((c) => costOf(c) === 0) ? 0 : 1;
    case 'all':
      return node.children.every((c) => costOf(c.node) === 0) ? 0 : 1;
    default:
      return 1;
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
      const exceptions = ev.index(u.node);
      if (exceptions.empty) continue;
      if (u.within === undefined && !u.sentence) {
        hits = [];
        break;
      }
      hits = hits.filter((h) => !exceptions.hasNear(h, u.within, u.sentence));
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
        // Welsh texts only when the rule has them, so findings without them stay as before.
        ...(rule.messageCy ? { messageCy: rule.messageCy } : {}),
        ...(rule.whyCy ? { whyCy: rule.whyCy } : {}),
        fix: rule.fix ? fixFor(rule.fix, text, span.start, span.end) : null,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { verdict: highestVerdict(findings), findings, fixed: applyFixes(text, findings) };
}
