/**
 * Turns what the user typed into a `Doc` the detectors and rules can read, while
 * keeping a map back to the original characters so every finding points at what
 * the user actually typed.
 *
 * Layers (order matters; see design.md §4):
 *  1. `clean`: invisible/bidi characters and combining marks dropped, NFKC applied.
 *     Case and digits are kept, so number detectors run here (never on folded text,
 *     where `1` might have become `l`).
 *  2. `lower`: `clean` lower-cased with Cyrillic/Greek look-alikes folded to Latin.
 *     Same length as `clean`, so offsets are shared. Patterns run here.
 *  3. `tokens`: words of `lower`, each with lookup keys that also undo leetspeak,
 *     stretched letters ("fuuuck") and letters split by spaces/dots/emoji.
 */

import { stem } from './stem.js';

export interface Token {
  /** Offsets into `clean`/`lower`. */
  start: number;
  end: number;
  /** Lookup forms, most literal first. */
  keys: string[];
  /** True when the token is only digits (the `#` wildcard matches these). */
  isNumber: boolean;
}

export interface Doc {
  original: string;
  clean: string;
  lower: string;
  tokens: Token[];
  /** `cleanStart[i]` is the original offset where clean char i came from (null: identical to the original). */
  cleanStart: Int32Array | null;
  /** `cleanEnd[i]` is the original offset just after the source of clean char i (null: identical). */
  cleanEnd: Int32Array | null;
}

/** Zero-width, joiners, bidi controls, soft hyphen, BOM, variation selectors are all invisible. */
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

function isCombiningMark(cp: number): boolean {
  return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x20d0 && cp <= 0x20ff);
}

/** Look-alike letters people use to slip words past filters (and keyboards produce by accident). */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ɡ: 'g', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y', ӏ: 'l', ո: 'n',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ς: 's', μ: 'u',
  // Latin oddities NFKC leaves alone
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ƒ: 'f', ß: 's',
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '8': 'b' };

const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * Builds the cleaned text and its map to original offsets. Posts are mostly
 * ASCII, so ASCII runs are copied whole and only the other characters are
 * normalised one by one; an all-ASCII post needs no map at all.
 */
function cleanText(original: string): { clean: string; cleanStart: Int32Array | null; cleanEnd: Int32Array | null } {
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(original)) return { clean: original, cleanStart: null, cleanEnd: null };
  let starts = new Int32Array(original.length + 8);
  let ends = new Int32Array(original.length + 8);
  const parts: string[] = [];
  let n = 0;
  const ensure = (need: number): void => {
    if (need <= starts.length) return;
    const size = Math.max(need, starts.length * 2);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(starts);
    e2.set(ends);
    starts = s2;
    ends = e2;
  };
  const copyAscii = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(original.slice(from, to));
    ensure(n + to - from);
    for (let k = from; k < to; k++, n++) {
      starts[n] = k;
      ends[n] = k + 1;
    }
  };
  let i = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(original); m; m = NON_ASCII.exec(original)) {
    const at = m.index;
    if (at < i) continue; // the low half of a surrogate pair already handled
    copyAscii(i, at);
    const cp = original.codePointAt(at)!;
    const next = at + (cp > 0xffff ? 2 : 1);
    if (!isInvisible(cp) && !isCombiningMark(cp)) {
      // NFKC folds full-width letters/digits, ligatures, maths alphanumerics, circled letters;
      // NFD then lets us drop accents and zalgo marks.
      const norm = original.slice(at, next).normalize('NFKC').normalize('NFD');
      for (const ch of norm) {
        const c = ch.codePointAt(0)!;
        if (isCombiningMark(c) || isInvisible(c)) continue;
        parts.push(ch);
        ensure(n + ch.length);
        for (let k = 0; k < ch.length; k++, n++) {
          starts[n] = at;
          ends[n] = next;
        }
      }
    }
    i = next;
    NON_ASCII.lastIndex = next;
  }
  copyAscii(i, original.length);
  return { clean: parts.join(''), cleanStart: starts.subarray(0, n), cleanEnd: ends.subarray(0, n) };
}

const FOLDABLE = /[\u00df\u0131\u0142\u00f8\u0111\u0127\u0192\u0261\u0370-\u052f\u0578]/g;

/** Lower-cases with Cyrillic/Greek look-alikes folded, keeping `clean`'s length. */
function lowerFold(clean: string): string {
  const lower = clean.toLowerCase();
  if (lower.length === clean.length) {
    FOLDABLE.lastIndex = 0;
    return FOLDABLE.test(lower) ? lower.replace(FOLDABLE, (ch) => HOMOGLYPHS[ch] ?? ch) : lower;
  }
  // Rare: a character whose lower case is longer (e.g. İ). Go one unit at a time.
  let out = '';
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    let low = ch.toLowerCase();
    if (low.length !== 1) low = ch;
    out += HOMOGLYPHS[low] ?? low;
  }
  return out;
}

// A word: letters/digits, with leet symbols and apostrophes allowed between them
// and a leading @ or $ (so "$hit", "@ss", "sh!t", "can't" stay one word).
// Scanned by hand: a Unicode-property regex costs several times more per post.
const CORE_NON_ASCII = /[\p{L}\p{N}]/u;

function isCore(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral: emoji and the like
  return CORE_NON_ASCII.test(text[i]!);
}

/** @ $ ! | ' ’ * — allowed inside a word when letters follow. */
function isInnerSymbol(c: number): boolean {
  return c === 64 || c === 36 || c === 33 || c === 124 || c === 39 || c === 0x2019 || c === 42;
}

/** Word boundaries in `lower` as [start0, end0, start1, end1, ...]. */
function scanWords(lower: string): number[] {
  const out: number[] = [];
  const len = lower.length;
  let i = 0;
  while (i < len) {
    const c = lower.charCodeAt(i);
    const leadingSymbol = (c === 64 || c === 36) && i + 1 < len && isCore(lower, i + 1);
    if (!leadingSymbol && !isCore(lower, i)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < len && isCore(lower, i)) i++;
      let j = i;
      while (j < len && isInnerSymbol(lower.charCodeAt(j))) j++;
      if (j > i && j < len && isCore(lower, j)) i = j;
      else break;
    }
    out.push(start, i);
  }
  return out;
}

const SPACER = /^(?:[\s.\-_*~+/\\|•·,]|\p{Extended_Pictographic}|\uFE0F|\u200D){1,4}$/u;

function squeeze(word: string, keep: 1 | 2): string {
  return keep === 1 ? word.replace(/(.)\1+/gu, '$1') : word.replace(/(.)\1{2,}/gu, '$1$1');
}

function hasStretch(word: string): boolean {
  return /(.)\1\1/u.test(word);
}

function leetFold(word: string, one: 'i' | 'l'): string {
  let out = '';
  for (const ch of word) out += ch === '1' ? one : (LEET[ch] ?? ch);
  return out;
}

const PLAIN_WORD = /^[a-z]+$/;
const keyCache = new Map<string, { keys: string[]; isNumber: boolean }>();

/** All lookup keys for one word of `lower` (memoised: posts reuse the same words). */
export function wordKeys(word: string): { keys: string[]; isNumber: boolean } {
  let cached = keyCache.get(word);
  if (cached) return cached;
  if (PLAIN_WORD.test(word) && !hasStretch(word)) {
    // Lexicon words are stored stemmed (terms.ts), so a plain word is looked up by its stem too.
    const stemmed = stem(word);
    cached = { keys: stemmed === word ? [word] : [word, stemmed], isNumber: false };
  } else cached = computeWordKeys(word);
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(word, cached);
  return cached;
}

function computeWordKeys(word: string): { keys: string[]; isNumber: boolean } {
  const literal = word.replace(/['’]/g, '').replace(/^@/, '');
  if (/^\d+$/.test(literal)) return { keys: [literal], isNumber: true };
  const keys = new Set<string>([literal]);
  if (/[0-9@$!|*]/.test(word)) {
    keys.add(leetFold(word.replace(/['’]/g, ''), 'i'));
    if (word.includes('1')) keys.add(leetFold(word.replace(/['’]/g, ''), 'l'));
    keys.add(literal.replace(/\*/g, ''));
  }
  for (const k of [...keys]) {
    if (hasStretch(k)) {
      keys.add(squeeze(k, 1));
      keys.add(squeeze(k, 2));
    }
  }
  for (const k of [...keys]) keys.add(stem(k));
  return { keys: [...keys], isNumber: false };
}

function tokenise(lower: string): Token[] {
  const bounds = scanWords(lower);
  const count = bounds.length / 2;
  const tokens: Token[] = [];
  const isSingle = (k: number) => bounds[2 * k + 1]! - bounds[2 * k]! === 1;
  for (let i = 0; i < count; ) {
    // Rejoin runs of three or more single characters split by spacers.
    let j = i;
    while (j + 1 < count && isSingle(j) && isSingle(j + 1) && SPACER.test(lower.slice(bounds[2 * j + 1], bounds[2 * j + 2]))) j++;
    const start = bounds[2 * i]!;
    if (j - i >= 2) {
      let text = '';
      for (let k = i; k <= j; k++) text += lower[bounds[2 * k]!];
      const joined = wordKeys(text);
      // "is a c u n t": the article may have been swept into the run; also try without it.
      const keys = j - i >= 3 && (text[0] === 'a' || text[0] === 'i') ? [...joined.keys, ...wordKeys(text.slice(1)).keys] : joined.keys;
      tokens.push({ start, end: bounds[2 * j + 1]!, keys, isNumber: joined.isNumber });
      i = j + 1;
      continue;
    }
    const end = bounds[2 * i + 1]!;
    const { keys, isNumber } = wordKeys(lower.slice(start, end));
    tokens.push({ start, end, keys, isNumber });
    i++;
  }
  return tokens;
}

export function buildDoc(original: string): Doc {
  const { clean, cleanStart, cleanEnd } = cleanText(original);
  const lower = lowerFold(clean);
  return { original, clean, lower, tokens: tokenise(lower), cleanStart, cleanEnd };
}

/** Maps a `[start, end)` span of `clean` back to the original text. */
export function toOriginalSpan(doc: Doc, start: number, end: number): { start: number; end: number } {
  if (doc.clean.length === 0) return { start: 0, end: 0 };
  if (!doc.cleanStart || !doc.cleanEnd) return { start, end };
  const s = Math.min(start, doc.clean.length - 1);
  const e = Math.max(s, Math.min(end, doc.clean.length) - 1);
  return { start: doc.cleanStart[s]!, end: end > start ? doc.cleanEnd[e]! : doc.cleanStart[s]! };
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenIndexAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (doc.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
