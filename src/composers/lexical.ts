// Plain-text Lexical editors as facebook.com and web.whatsapp.com build them (minus React).
// Shared by the e2e fixtures (e2e/fixtures/src) and the practice site (src/practice).
import { $createParagraphNode, $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, createEditor, type LexicalEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';

/** A vanilla plain-text Lexical editor on `root`. */
export function makeLexical(root: HTMLElement, namespace: string): LexicalEditor {
  // Vanilla Lexical does not set contenteditable (React's <ContentEditable> does); it adds data-lexical-editor.
  root.contentEditable = 'true';
  const editor = createEditor({
    namespace,
    onError: (e) => {
      throw e;
    },
  });
  editor.setRootElement(root);
  registerPlainText(editor);
  // Start with one empty paragraph, as LexicalComposer's default initial state does.
  editor.update(
    () => {
      const rootNode = $getRoot();
      if (rootNode.isEmpty()) rootNode.append($createParagraphNode());
    },
    { discrete: true },
  );
  return editor;
}

export function lexicalText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

/** Empty a plain-text Lexical editor the way the sites do after a post (model update, not DOM surgery). */
export function clearLexical(editor: LexicalEditor): void {
  editor.update(() => {
    const root = $getRoot();
    root.clear();
    const p = $createParagraphNode();
    root.append(p);
    p.select();
  });
}

/**
 * Plain Enter submits (comments, Messenger, WhatsApp): Shift+Enter stays a line break and
 * Enter during IME composition is ignored.
 */
export function submitOnEnter(editor: LexicalEditor, submit: () => void): () => void {
  return editor.registerCommand(
    KEY_ENTER_COMMAND,
    (event) => {
      if (!event || event.shiftKey) return false; // Shift+Enter: let plain-text insert a line break
      if (event.isComposing || event.keyCode === 229) return true; // IME commit, not a submit
      event.preventDefault();
      submit();
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
