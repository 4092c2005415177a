// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readText, rangeFor, sameText } from '../../src/content/text.js';

function el(html: string): HTMLElement {
  const d = document.createElement('div');
  d.setAttribute('contenteditable', 'true');
  d.innerHTML = html;
  document.body.append(d);
  return d;
}

describe('readText', () => {
  it('reads Lexical paragraphs and line breaks like the model', () => {
    expect(readText(el('<p><span data-lexical-text="true">one</span><br><span data-lexical-text="true">two</span></p>')).text).toBe('one\ntwo');
    expect(readText(el('<p><br></p>')).text).toBe('');
    expect(readText(el('<p><span>a</span><br><br></p>')).text).toBe('a\n');
  });

  it('reads Quill/Draft blocks one line each, empty blocks as empty lines', () => {
    expect(readText(el('<p>a</p><p><br></p><p>b</p>')).text).toBe('a\n\nb');
    expect(
      readText(el('<div data-contents="true"><div data-block="true"><div><span><span data-text="true">x</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div></div>')).text,
    ).toBe('x\n');
  });

  it('reads a plain contenteditable with mixed text and blocks', () => {
    expect(readText(el('first<div>second</div>')).text).toBe('first\nsecond');
  });

  it('maps offsets back to the DOM for highlights', () => {
    const e = el('<p><span>Bed 4 </span><span>943 476 5919</span></p>');
    const snap = readText(e);
    const r = rangeFor(snap, snap.text.indexOf('943'), snap.text.length)!;
    expect(r.toString()).toBe('943 476 5919');
  });

  it('reads textareas by value', () => {
    const t = document.createElement('textarea');
    t.value = 'a\nb';
    expect(readText(t).text).toBe('a\nb');
  });
});

describe('sameText', () => {
  it('treats nbsp and a trailing newline as the editors round-trip them', () => {
    expect(sameText('a\u00a0b\n', 'a b')).toBe(true);
    expect(sameText('a b', 'a  b')).toBe(false);
  });
});
