/**
 * Whole-word phrase matching over the token stream. All term lists of a ruleset
 * share one index keyed by first word, so a check costs one Map lookup per token
 * key however long the lexicons grow (uBlock-style: data lists, fixed cost).
 */
import type { Doc } from './normalise.js';
import { wordKeys } from './normalise.js';
import { stem } from './stem.js';

export type WordPattern = { kind: 'exact'; word: string } | { kind: 'prefix'; prefix: string } | { kind: 'number' } | { kind: 'any' };

/** A term hit: token indices, inclusive. */
export interface TermHit {
  t0: number;
  t1: number;
}

const WORD_IN_TERM = /[@$]?[\p{L}\p{N}]+(?:[@$!|'’*]+[\p{L}\p{N}]+)*/gu;

/** Parses one authored term ("bed #", "stab*", "a&e", "can't") into word patterns, or explains why it cannot. */
export function parseTerm(term: string): WordPattern[] | string {
  const words: WordPattern[] = [];
  const pieces = term.toLowerCase().split(/[\s\-–—/,.;:!?()"“”]+/u).filter((p) => p !== '');
  for (const [i, piece] of pieces.entries()) {
    if (piece === '#') words.push({ kind: 'number' });
    else if (piece === '_') words.push({ kind: 'any' });
    else if (piece.endsWith('*')) {
      const prefix = piece.slice(0, -1).replace(/['’]/g, '');
      if (prefix.length < 3) return `"${term}": a word ending in * needs at least three letters before the *`;
      if (!/^[\p{L}\p{N}]+$/u.test(prefix)) return `"${term}": * may only follow letters or digits`;
      words.push({ kind: 'prefix', prefix });
    } else {
      // Symbols and emoji are not words in the text either, so inside a phrase they are
      // skipped ("county durham & darlington"); at either end they would silently widen the
      // term ("rt @" would match every "rt"), so that is an error.
      const found = piece.match(WORD_IN_TERM) ?? [];
      if (found.length === 0 && (i === 0 || i === pieces.length - 1)) {
        return `"${term}": "${piece}" is not a word (terms match whole words only); use a \`pattern\` for symbols or emoji`;
      }
      // Stemmed, so "insult" also matches "insults", "insulted", "insulting" (tokens carry their stem as a key).
      for (const w of found) words.push({ kind: 'exact', word: stem(wordKeys(w).keys[0]!) });
    }
  }
  if (words.length === 0) return `"${term}" is empty`;
  const first = words[0]!;
  if (first.kind === 'any') return `"${term}": a term cannot start with _ (any word); start it with a word or #`;
  return words;
}

/**
 * A trie over words: each level is a Map from the next word, so a post costs a
 * few Map lookups per token however many phrases share a first word ("my ...",
 * "the ..." start dozens of phrases).
 */
interface TrieNode {
  /** Condition ids of the phrases that end here. */
  ends: number[] | null;
  exact: Map<string, TrieNode> | null;
  /** Prefix children keyed by their first three letters. */
  prefixes: Map<string, { prefix: string; node: TrieNode }[]> | null;
  number: TrieNode | null;
  any: TrieNode | null;
}

const newNode = (): TrieNode => ({ ends: null, exact: null, prefixes: null, number: null, any: null });

function childFor(node: TrieNode, w: WordPattern): TrieNode {
  switch (w.kind) {
    case 'exact': {
      node.exact ??= new Map();
      let c = node.exact.get(w.word);
      if (!c) node.exact.set(w.word, (c = newNode()));
      return c;
    }
    case 'prefix': {
      node.prefixes ??= new Map();
      const bucketKey = w.prefix.slice(0, 3);
      let bucket = node.prefixes.get(bucketKey);
      if (!bucket) node.prefixes.set(bucketKey, (bucket = []));
      let entry = bucket.find((b) => b.prefix === w.prefix);
      if (!entry) bucket.push((entry = { prefix: w.prefix, node: newNode() }));
      return entry.node;
    }
    case 'number':
      return (node.number ??= newNode());
    case 'any':
      return (node.any ??= newNode());
  }
}

export class TermIndex {
  private readonly root = newNode();
  private readonly phrases = new Set<string>();
  size = 0;

  add(words: WordPattern[], conditionId: number): void {
    let node = this.root;
    for (const w of words) node = childFor(node, w);
    node.ends ??= [];
    if (!node.ends.includes(conditionId)) node.ends.push(conditionId);
    const key = JSON.stringify(words);
    if (!this.phrases.has(key)) {
      this.phrases.add(key);
      this.size++;
    }
  }

  /** One pass over the tokens; returns hits per condition id. */
  scan(doc: Doc): Map<number, TermHit[]> {
    const hits = new Map<number, TermHit[]>();
    const tokens = doc.tokens;
    // Breadth-first over the trie: the frontier holds the nodes reached so far by
    // phrases that started at token `start`; no closures, no recursion.
    let frontier: TrieNode[] = [];
    let next: TrieNode[] = [];
    for (let start = 0; start < tokens.length; start++) {
      frontier.length = 0;
      frontier.push(this.root);
      for (let at = start; at < tokens.length && frontier.length > 0; at++) {
        const tok = tokens[at]!;
        next.length = 0;
        for (const node of frontier) {
          for (const key of tok.keys) {
            const exact = node.exact?.get(key);
            if (exact && !next.includes(exact)) next.push(exact);
            if (node.prefixes && key.length >= 3) {
              const bucket = node.prefixes.get(key.slice(0, 3));
              if (bucket) for (const b of bucket) if (key.startsWith(b.prefix) && !next.includes(b.node)) next.push(b.node);
            }
          }
          if (tok.isNumber && node.number && !next.includes(node.number)) next.push(node.number);
          if (node.any && !next.includes(node.any)) next.push(node.any);
        }
        for (const node of next) {
          if (!node.ends) continue;
          const hit = { t0: start, t1: at };
          for (const id of node.ends) {
            const list = hits.get(id);
            if (list) list.push(hit);
            else hits.set(id, [hit]);
          }
        }
        [frontier, next] = [next, frontier];
      }
    }
    return hits;
  }
}
