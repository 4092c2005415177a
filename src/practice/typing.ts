/**
 * Types a scenario into a composer the way a person would, as real input into the real
 * editor: `execCommand('insertText')` one character at a time (beforeinput/input events the
 * editors handle themselves), newlines as a one-character paste (Lexical and Draft take
 * only single lines through insertText; Draft takes every character that way, see composers.ts).
 * Paste mode sends one ClipboardEvent, as Ctrl+V does.
 */
import type { PracticeComposer } from './composers.js';

export type TypingMode = 'type' | 'paste';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function paste(el: HTMLElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

/** Focus the editor with the caret at the end of its text. */
function focusAtEnd(el: HTMLElement): void {
  el.focus();
  if (el instanceof HTMLTextAreaElement) {
    el.setSelectionRange(el.value.length, el.value.length);
    return;
  }
  const sel = getSelection();
  if (!sel) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

export interface TypingOptions {
  mode: TypingMode;
  /** Characters per second in type mode. */
  cps: number;
  signal: AbortSignal;
}

export async function typeInto(composer: PracticeComposer, text: string, opts: TypingOptions): Promise<boolean> {
  const el = composer.editor();
  if (!el) return false;
  focusAtEnd(el);
  // The editors read the selection on the next task (design.md §3: without the wait, text lands at a stale caret).
  await tick(30);
  if (opts.mode === 'paste') {
    if (composer.plain) document.execCommand('insertText', false, text);
    else paste(el, text);
    return true;
  }
  const delay = 1000 / Math.max(1, opts.cps);
  for (const ch of text) {
    if (opts.signal.aborted) return false;
    if (!el.isConnected) return false;
    if (document.activeElement !== el && !el.contains(document.activeElement)) focusAtEnd(el);
    if ((ch === '\n' && !composer.plain) || composer.typeBy === 'paste') paste(el, ch);
    else document.execCommand('insertText', false, ch);
    // A little unevenness reads as typing, not as a machine.
    await tick(delay * (0.6 + Math.random() * 0.8));
  }
  return true;
}
