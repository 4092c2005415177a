import { describe, expect, it } from 'vitest';
import { buildDoc, toOriginalSpan } from '../src/checker/normalise.js';

/** The words of a text as [what the user typed, lookup keys]. */
function words(text: string): [string, string[]][] {
  const doc = buildDoc(text);
  return doc.tokens.map((t) => {
    const span = toOriginalSpan(doc, t.start, t.end);
    return [text.slice(span.start, span.end), t.keys];
  });
}

const keysOf = (text: string) => words(text).map(([, keys]) => keys);

describe('normalisation', () => {
  it('rejoins letters split by spaces, dots, dashes and emoji, keeping the typed span', () => {
    expect(words('c 0 n t r a c t signed')[0]).toEqual(['c 0 n t r a c t', expect.arrayContaining(['contract'])]);
    expect(words('you b.i.t.c.h')[1]).toEqual(['b.i.t.c.h', ['bitch']]);
    expect(words('f-u-c-k off')[0]![1]).toContain('fuck');
    expect(words('f🤬u🤬c🤬k')[0]).toEqual(['f🤬u🤬c🤬k', ['fuck']]);
  });

  it('does not glue ordinary short words together', () => {
    expect(words('I am a nurse').map(([w]) => w)).toEqual(['I', 'am', 'a', 'nurse']);
  });

  it('folds leetspeak, with 1 read as i or l', () => {
    expect(keysOf('p00fs')[0]).toContain('poofs');
    expect(keysOf('g@y')[0]).toContain('gay');
    expect(keysOf('$hit')[0]).toContain('shit');
    expect(keysOf('k1ll')[0]).toEqual(expect.arrayContaining(['kill']));
    expect(keysOf('1ame')[0]).toEqual(expect.arrayContaining(['lame']));
    expect(keysOf('5tup1d')[0]).toContain('stupid');
  });

  it('leaves numbers alone (no 1 -> l before digit detection)', () => {
    expect(keysOf('4412')).toEqual([['4412']]);
  });

  it('collapses stretched letters', () => {
    expect(keysOf('fuuuuuck')[0]).toContain('fuck');
    expect(keysOf('stuuuupid')[0]).toContain('stupid');
    expect(keysOf('assss')[0]).toContain('ass');
    // Ordinary double letters are not collapsed: "as" must not become "ass" or vice versa.
    expect(keysOf('as')[0]).toEqual(['as']);
    expect(keysOf('good')[0]).toEqual(['good']);
  });

  it('removes zero-width and bidi characters and folds look-alike letters, pointing at the typed characters', () => {
    const text = 'you \u0441\u0443nt f\u200bu\u200bc\u200bk \u202eoff';
    const w = words(text);
    expect(w[1]).toEqual(['\u0441\u0443nt', ['cynt']]);
    expect(w[2]).toEqual(['f\u200bu\u200bc\u200bk', ['fuck']]);
  });

  it('applies NFKC (full-width, ligatures, maths letters) and drops accents', () => {
    expect(keysOf('ｆｕｃｋ')[0]).toContain('fuck');
    expect(keysOf('ﬁne')[0]).toContain('fine');
    expect(keysOf('𝐛𝐢𝐭𝐜𝐡')[0]).toContain('bitch');
    expect(keysOf('fück')[0]).toContain('fuck');
  });

  it('maps spans back through characters NFKC expands or removes', () => {
    const text = '😂 ﬁne \u200bthen';
    const doc = buildDoc(text);
    const spans = doc.tokens.map((t) => toOriginalSpan(doc, t.start, t.end)).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['ﬁne', 'then']);
  });

  it('treats hashtags and mentions as words and drops apostrophes', () => {
    expect(keysOf("#NHS can't @jess")).toEqual([['nhs'], ['cant'], ['jess', 'ajess']]);
  });
});
