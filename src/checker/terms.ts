/**
 * Whole-word phrase matching over the token stream. All term lists of a ruleset
 * share one index keyed by first word, so a check costs one Map lookup per token
 * key however long the lexicons grow (uBlock-style: data lists, fixed cost).
 */
import type { Doc, Token } from './normalise.js';
import { wordKeys } from './normalise.js';

export type WordPattern = { kind: 'exact'; word: string } | { kind: 'prefix'; prefix: string } | { kind: 'number' } | { kind: 'any' };

interface Entry {
  words: WordPattern[];
  conditionIds: number[];
  /** Token index this entry last matched at, so several keys of one token count once. */
  lastStart: number;
}

/** A term hit: token indices, inclusive. */
export interface TermHit {
  t0: number;
  t1: number;
}

const WORD_IN_TERM = /[@$]?[\p{L}\p{N}]+(?:[@$!|'’*]+[\p{L}\p{N}]+)*/gu;

/** Parses one authored term ("bed #", "stab*", "a&e", "can't") into word patterns, or explains why it cannot. */
export function parseTerm(term: string): WordPattern[] | string {
  const words: WordPattern[] = [];
  for (const piece of term.toLowerCase().split(/[\s\-–—/,.;:!?()"“”]+/u)) {
    if (piece === '') continue;
    if (piece === '#') words.push({ kind: 'number' });
    else if (piece === '_') words.push({ kind: 'any' });
    else if (piece.endsWith('*')) {
      const prefix = piece.slice(0, -1).replace(/['’]/g, '');
      if (prefix.length < 3) return `"${term}": a word ending in * needs at least three letters before the *`;
      if (!/^[\p{L}\p{N}]+$/u.test(prefix)) return `"${term}": * may only follow letters or digits`;
      words.push({ kind: 'prefix', prefix });
    } else {
      // Symbols and emoji are not words in the text either ("county durham & darlington").
      const found = piece.match(WORD_IN_TERM) ?? [];
      for (const w of found) words.push({ kind: 'exact', word: wordKeys(w).keys[0]! });
    }
  }
  if (words.length === 0) return `"${term}" is empty`;
  const first = words[0]!;
  if (first.kind === 'any') return `"${term}": a term cannot start with _ (any word); start it with a word or #`;
  return words;
}

function wordMatches(p: WordPattern, tok: Token): boolean {
  switch (p.kind) {
    case 'any':
      return true;
    case 'number':
      return tok.isNumber;
    case 'exact':
      return tok.keys.includes(p.word);
    case 'prefix':
      return tok.keys.some((k) => k.startsWith(p.prefix));
  }
}

export class TermIndex {
  private readonly byFirstWord = new Map<string, Entry[]>();
  /** Prefix terms keyed by their first three letters. */
  private readonly byPrefix3 = new Map<string, Entry[]>();
  /** Terms that start with a number ("# weeks"), tried at every number. */
  private readonly byNumber: Entry[] = [];
  private readonly byPhrase = new Map<string, Entry>();
  size = 0;

  add(words: WordPattern[], conditionId: number): void {
    const key = JSON.stringify(words);
    const existing = this.byPhrase.get(key);
    if (existing) {
      if (!existing.conditionIds.includes(conditionId)) existing.conditionIds.push(conditionId);
      return;
    }
    const entry: Entry = { words, conditionIds: [conditionId], lastStart: -1 };
    this.byPhrase.set(key, entry);
    this.size++;
    const first = words[0]!;
    if (first.kind === 'number' || first.kind === 'any') {
      this.byNumber.push(entry);
      return;
    }
    const [map, k] = first.kind === 'exact' ? [this.byFirstWord, first.word] : [this.byPrefix3, first.prefix.slice(0, 3)];
    const list = map.get(k);
    if (list) list.push(entry);
    else map.set(k, [entry]);
  }

  /** One pass over the tokens; returns hits per condition id. */
  scan(doc: Doc): Map<number, TermHit[]> {
    const hits = new Map<number, TermHit[]>();
    const tokens = doc.tokens;
    for (const entry of this.byPhrase.values()) entry.lastStart = -1;
    for (let i = 0; i < tokens.length; i++) {
      const keys = tokens[i]!.keys;
      if (tokens[i]!.isNumber) for (const e of this.byNumber) this.tryAt(e, i, tokens, hits);
      for (const key of keys) {
        const exact = this.byFirstWord.get(key);
        if (exact) for (const e of exact) this.tryAt(e, i, tokens, hits);
        if (key.length >= 3) {
          const pre = this.byPrefix3.get(key.slice(0, 3));
          if (pre) for (const e of pre) if (key.startsWith((e.words[0] as { prefix: string }).prefix)) this.tryAt(e, i, tokens, hits);
        }
      }
    }
    return hits;
  }

  private tryAt(e: Entry, i: number, tokens: Token[], hits: Map<number, TermHit[]>): void {
    if (e.lastStart === i) return;
    const n = e.words.length;
    if (i + n > tokens.length) return;
    for (let w = 1; w < n; w++) if (!wordMatches(e.words[w]!, tokens[i + w]!)) return;
    e.lastStart = i;
    const hit = { t0: i, t1: i + n - 1 };
    for (const id of e.conditionIds) {
      const list = hits.get(id);
      if (list) list.push(hit);
      else hits.set(id, [hit]);
    }
  }
}
