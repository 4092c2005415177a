// X/Twitter-style composer: Draft.js 0.11.7 on React 18 (draft-js uses findDOMNode, gone in React 19).
// Shared by the e2e fixture (e2e/fixtures/src/twitter.ts) and the practice site.
// The post button is a real <button>, disabled while empty; Ctrl/Cmd+Enter posts.
import { createElement as e, useRef, useState, type KeyboardEvent } from 'react';
import { ContentState, Editor, EditorState, type DraftHandleValue } from 'draft-js';

export interface DraftComposerHandle {
  /** The contenteditable root (data-testid="tweetTextarea_0"), once rendered. */
  element(): HTMLElement | null;
  /** The model's plain text (never the DOM's). */
  text(): string;
  /** Empty the editor through the model. */
  clear(): void;
}

export interface DraftComposerProps {
  /** Modal composer (tweetButton, role=dialog) or the inline one on /home (tweetButtonInline). */
  modal: boolean;
  onPost(text: string, via: string): void;
  /** Called on every render with a handle that always sees the latest model. */
  expose(handle: DraftComposerHandle): void;
  onChange?(text: string): void;
  placeholder?: string;
  buttonLabel?: string;
}

export function DraftComposer(props: DraftComposerProps) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  // The getter for tests must see the latest model even between renders.
  const latest = useRef(editorState);
  latest.current = editorState;
  const rootRef = useRef<HTMLDivElement>(null);

  const onChange = (next: EditorState) => {
    latest.current = next;
    setEditorState(next);
    props.onChange?.(next.getCurrentContent().getPlainText());
  };
  const clear = () => {
    // Clear through the model, keeping focus/selection usable for the next post.
    const cleared = EditorState.push(latest.current, ContentState.createFromText(''), 'remove-range');
    onChange(EditorState.moveFocusToEnd(cleared));
  };
  props.expose({
    element: () => rootRef.current?.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]') ?? null,
    text: () => latest.current.getCurrentContent().getPlainText(),
    clear,
  });
  const hasText = editorState.getCurrentContent().getPlainText().trim() !== '';

  const post = (via: string) => {
    const text = latest.current.getCurrentContent().getPlainText();
    if (text.trim() === '') return;
    props.onPost(text, via);
    clear();
  };

  const handleReturn = (ev: KeyboardEvent): DraftHandleValue => {
    if (ev.ctrlKey || ev.metaKey) {
      post('ctrl-enter');
      return 'handled';
    }
    return 'not-handled'; // plain Enter: new line (new block)
  };

  const testId = props.modal ? 'tweetButton' : 'tweetButtonInline';
  return e(
    'div',
    { ref: rootRef, className: props.modal ? 'r-modal' : 'r-inline', role: props.modal ? 'dialog' : undefined, 'aria-modal': props.modal ? 'true' : undefined },
    e(
      'div',
      { className: 'DraftEditor-wrapper', 'data-testid': 'tweetTextarea_0RichTextInputContainer' },
      e(Editor, {
        editorState,
        onChange,
        handleReturn,
        placeholder: props.placeholder ?? "What's happening?",
        webDriverTestID: 'tweetTextarea_0', // Draft puts data-testid on the contenteditable
        role: 'textbox',
        ariaLabel: 'Post text',
        ariaMultiline: true,
        spellCheck: true,
      }),
    ),
    e('button', { type: 'button', 'data-testid': testId, disabled: !hasText, onClick: () => post('click') }, props.buttonLabel ?? 'Post'),
  );
}
