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
  /** `cleanStart[i]` is the original offset where clean char i came from. */
  cleanStart: Int32Array;
  /** `cleanEnd[i]` is the original offset just after the source of clean char i. */
  cleanEnd: Int32Array;
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

/** Builds the cleaned text and its map to original offsets. */
function cleanText(original: string): { clean: string; cleanStart: Int32Array; cleanEnd: Int32Array } {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const next = i + width;
    if (cp < 0x80) {
      parts.push(original[i]!);
      starts.push(i);
      ends.push(next);
    } else if (!isInvisible(cp) && !isCombiningMark(cp)) {
      const src = original.slice(i, next);
      // NFKC folds full-width letters/digits, ligatures, maths alphanumerics, circled letters.
      const norm = src.normalize('NFKC').normalize('NFD');
      for (const ch of norm) {
        const c = ch.codePointAt(0)!;
        if (isCombiningMark(c) || isInvisible(c)) continue;
        for (let k = 0; k < ch.length; k++) {
          parts.push(ch[k]!);
          starts.push(i);
          ends.push(next);
        }
      }
    }
    i = next;
  }
  return { clean: parts.join(''), cleanStart: Int32Array.from(starts), cleanEnd: Int32Array.from(ends) };
}

/** Lower-cases one UTF-16 unit at a time so `lower` keeps `clean`'s length. */
function lowerFold(clean: string): string {
  let out = '';
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    let low = ch.toLowerCase();
    if (low.length !== 1) low = ch;
    out += HOMOGLYPHS[low] ?? low;
  }
  return out;
}

// A word: letters/digits, with leet symbols and apostrophes allowed between them
// and a leading @ or $ (so "$hit", "@ss", "sh!t", "can't" stay one word).
const WORD = /[@$]?[\p{L}\p{N}]+(?:[@$!|'’*]+[\p{L}\p{N}]+)*[@$]?/gu;
// What may sit between the letters of a word someone has spaced out: "c 0 n t r a c t",
// "b.i.t.c.h", "f-u-c-k", "f🤬u🤬c🤬k".
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

/** All lookup keys for one word of `lower`. */
export function wordKeys(word: string): { keys: string[]; isNumber: boolean } {
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
  return { keys: [...keys], isNumber: false };
}

function tokenise(lower: string): Token[] {
  const raw: { start: number; end: number; text: string }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    raw.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; ) {
    // Rejoin runs of three or more single characters split by spacers.
    let j = i;
    while (
      j + 1 < raw.length &&
      raw[j]!.text.length === 1 &&
      raw[j + 1]!.text.length === 1 &&
      SPACER.test(lower.slice(raw[j]!.end, raw[j + 1]!.start))
    ) {
      j++;
    }
    if (j - i >= 2) {
      let text = '';
      for (let k = i; k <= j; k++) text += raw[k]!.text;
      const { keys, isNumber } = wordKeys(text);
      tokens.push({ start: raw[i]!.start, end: raw[j]!.end, keys, isNumber });
      i = j + 1;
      continue;
    }
    const t = raw[i]!;
    const { keys, isNumber } = wordKeys(t.text);
    tokens.push({ start: t.start, end: t.end, keys, isNumber });
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
