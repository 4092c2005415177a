// Quill 2 share box as www.linkedin.com builds it: no toolbar, Ctrl/Cmd+Enter posts.
// Shared by the e2e fixtures and the practice site. Never put Quill in a shadow root
// (Quill 2 misorders typed characters there).
import Quill from 'quill';

/** Quill's getText() always ends with the document's trailing '\n'; the sites' text does not. */
export const quillText = (q: Quill): string => q.getText().replace(/\n$/, '');

export function makeQuill(host: HTMLElement, opts: { placeholder: string; onCtrlEnter: () => void }): Quill {
  const q = new Quill(host, {
    modules: {
      toolbar: false,
      keyboard: {
        // shortKey = Cmd on macOS, Ctrl elsewhere; Quill's own Enter binding does not match when Ctrl is held.
        bindings: { post: { key: 'Enter', shortKey: true, handler: () => { opts.onCtrlEnter(); return false; } } },
      },
    },
    placeholder: opts.placeholder,
  });
  q.root.setAttribute('role', 'textbox');
  q.root.setAttribute('aria-multiline', 'true');
  q.root.setAttribute('aria-label', 'Text editor for creating content');
  return q;
}
