import type { Doc } from '../normalise.js';
import { tokenIndexAt } from '../normalise.js';

/** A detector hit, as offsets into `doc.clean`. */
export interface Span {
  start: number;
  end: number;
}

/** True when any token within `before` tokens before or `after` tokens after the span has a key in `words`. */
export function hasKeywordNear(doc: Doc, start: number, end: number, words: ReadonlySet<string>, before: number, after: number): boolean {
  const first = tokenIndexAt(doc, start);
  const last = tokenIndexAt(doc, Math.max(start, end - 1));
  const from = Math.max(0, first - before);
  const to = Math.min(doc.tokens.length - 1, last + after);
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    for (const k of doc.tokens[i]!.keys) if (words.has(k)) return true;
  }
  return false;
}

/** Runs a global regex over a text and returns each match (or its first group) as a span. */
export function regexSpans(re: RegExp, text: string, group = 0, accept?: (m: RegExpExecArray) => boolean): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept && !accept(m)) continue;
    const g = m[group];
    if (g === undefined) continue;
    const offset = group === 0 ? 0 : m[0].indexOf(g);
    out.push({ start: m.index + offset, end: m.index + offset + g.length });
  }
  return out;
}

const foldedCache = new WeakMap<Doc, string>();

/**
 * `clean` with look-alike letters folded to Latin but case kept (same length as
 * `clean`), so case-sensitive detectors (names, passwords) see "Mrs Nеrys" with a
 * Cyrillic е as "Mrs Nerys".
 */
export function foldedText(doc: Doc): string {
  const cached = foldedCache.get(doc);
  if (cached !== undefined) return cached;
  const { clean, lower } = doc;
  let out = '';
  let from = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    if (c < 0x80) continue;
    const l = lower[i]!;
    const cl = clean[i]!.toLowerCase();
    if (cl.length === 1 && l !== cl) {
      out += clean.slice(from, i) + (clean[i] !== cl ? l.toUpperCase() : l);
      from = i + 1;
    }
  }
  const result = from === 0 ? clean : out + clean.slice(from);
  foldedCache.set(doc, result);
  return result;
}

/** True when any token key in tokens [from, to] is in `words`. */
export function tokensHave(doc: Doc, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, from); i <= Math.min(doc.tokens.length - 1, to); i++) {
    for (const k of doc.tokens[i]!.keys) if (words.has(k)) return true;
  }
  return false;
}
