/**
 * Writes a whole new text into a site's editor so that the editor's own MODEL changes
 * (Lexical, Draft.js, Quill, React-controlled textareas), not just its DOM.
 *
 * Method measured on the real editors (design.md §3): select the editor's contents,
 * wait one macrotask so the editor copies the DOM selection into its model selection,
 * then dispatch a synthetic `paste` carrying a DataTransfer; verify after a frame.
 * Never retried in a loop: a second paste over a half-applied first one duplicates text.
 */
import { readText, sameText, isTextField } from '../content/text.js';

export type WriteOutcome = 'written' | 'unchanged' | 'failed';

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function selectAll(editor: HTMLElement): void {
  editor.focus();
  const range = document.createRange();
  range.selectNodeContents(editor);
  const sel = getSelection();
  if (!sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}

function pasteEvent(text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  // Firefox ignores `clipboardData` in the init dictionary (the event gets an empty
  // DataTransfer of its own) and takes Gecko's non-standard `dataType` + `data` instead;
  // Chromium ignores those two. Passing both gives every editor the text.
  const init = { clipboardData: data, dataType: 'text/plain', data: text, bubbles: true, cancelable: true, composed: true };
  return new ClipboardEvent('paste', init as ClipboardEventInit);
}

async function writeTextField(field: HTMLTextAreaElement | HTMLInputElement, text: string): Promise<WriteOutcome> {
  const before = field.value;
  field.focus();
  field.select();
  // execCommand keeps the browser's undo stack and fires the input event frameworks listen to.
  document.execCommand('insertText', false, text);
  if (!sameText(field.value, text) && sameText(field.value, before)) {
    const proto = field.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await frame();
  return sameText(field.value, text) ? 'written' : sameText(field.value, before) ? 'unchanged' : 'failed';
}

/**
 * Replace the editor's whole text. Resolves to 'written' when the editor reads back
 * exactly `text`, 'unchanged' when nothing happened (safe to offer "Copy fixed text"),
 * 'failed' when the editor now holds something else.
 */
export async function writeEditorText(editor: HTMLElement, text: string): Promise<WriteOutcome> {
  if (isTextField(editor)) return writeTextField(editor, text);
  const before = readText(editor).text;
  selectAll(editor);
  await macrotask();
  const paste = pasteEvent(text);
  // A paste that carries no text would make the editor delete the selection: send it
  // only when the event really holds the new text.
  if (sameText(paste.clipboardData?.getData('text/plain') ?? '', text)) editor.dispatchEvent(paste);
  await frame();
  const after = readText(editor).text;
  if (sameText(after, text)) return 'written';
  if (!sameText(after, before)) return 'failed';
  // The editor ignored the paste and nothing changed, so one insertText cannot duplicate
  // anything. Only for a single line: editors split multi-line insertText inconsistently.
  if (!text.includes('\n')) {
    selectAll(editor);
    await macrotask();
    document.execCommand('insertText', false, text);
    await frame();
    const again = readText(editor).text;
    if (sameText(again, text)) return 'written';
    if (!sameText(again, before)) return 'failed';
  }
  return 'unchanged';
}
