import { describe, expect, it } from 'vitest';
import { stem } from '../src/checker/stem.js';
import { buildDoc } from '../src/checker/normalise.js';

describe('light stemming for word lists', () => {
  it.each([
    ['insults', 'insulted', 'insulting', 'insult'],
    ['nurses', 'nursing', 'nurse', 'nurse'],
    ['stabbed', 'stabbing', 'stabs', 'stab'],
    ['parties', 'party', 'party', 'party'],
    ["nan's", 'nans', 'nan', 'nan'],
  ])('%s, %s and %s meet %s', (a, b, c, d) => {
    const stems = [a, b, c, d].map((w) => stem(w.replace("'", '')));
    expect(new Set(stems).size).toBe(1);
  });

  it('keeps apart words an aggressive stemmer would merge', () => {
    expect(stem('news')).not.toBe(stem('new'));
    expect(stem('general')).not.toBe(stem('generous'));
    expect(stem('organisation')).not.toBe(stem('organ'));
    expect(stem('used')).toBe('used');
    expect(stem('bed')).toBe('bed');
    expect(stem('analysis')).toBe('analysis');
    for (const [a, b] of [['notes', 'not'], ['care', 'car'], ['hate', 'hat'], ['cute', 'cut']]) expect(stem(a!)).not.toBe(stem(b!));
  });

  it('gives every token its stem as a lookup key', () => {
    const [tok] = buildDoc('insulting').tokens;
    expect(tok!.keys).toEqual(['insulting', 'insult']);
  });
});
