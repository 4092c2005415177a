/**
 * Focus goes back to the editor where it was: same field, same caret or selection.
 * Taken when the card opens (the submit click may already have moved focus to the
 * site's button, but the editor's last selection is still in the document).
 */
export function rememberCaret(editor: HTMLElement): () => void {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    const start = editor.selectionStart;
    const end = editor.selectionEnd;
    return () => {
      editor.focus();
      if (start !== null && end !== null) editor.setSelectionRange(start, end);
    };
  }
  const root = editor.getRootNode() as Document | ShadowRoot;
  // Chromium exposes a shadow root's own selection; elsewhere the document's is used.
  const sel = ('getSelection' in root && typeof root.getSelection === 'function' ? root.getSelection() : null) ?? document.getSelection();
  const saved = sel && sel.rangeCount > 0 && editor.contains(sel.getRangeAt(0).startContainer) ? sel.getRangeAt(0).cloneRange() : null;
  return () => {
    editor.focus();
    if (!saved || !editor.contains(saved.startContainer)) return;
    const now = document.getSelection();
    if (!now) return;
    try {
      now.removeAllRanges();
      now.addRange(saved);
    } catch {
      // The editor re-rendered under the range: focus alone is the best we can do.
    }
  };
}
