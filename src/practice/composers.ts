/**
 * The practice composers: look and behave like Facebook, X, LinkedIn and WhatsApp Web
 * (same editor libraries, same DOM structure and attributes the extension's adapters look
 * for, built with the same code as the e2e fixtures: ../composers), plus a neutral box.
 * Styled to be recognisable, never the real sites' names, logos or colours exactly.
 * Posting only shows a note on the page: nothing is stored or sent.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { CheckContext } from '../checker/types.js';
import { h } from '../composers/dom.js';
import { clearLexical, lexicalText, makeLexical, submitOnEnter } from '../composers/lexical.js';
import { makeQuill, quillText } from '../composers/quill.js';
import { DraftComposer, type DraftComposerHandle } from '../composers/draft.js';

export type PracticeSite = 'facebook' | 'twitter' | 'linkedin' | 'whatsapp' | 'any';
export const PRACTICE_SITES: readonly PracticeSite[] = ['facebook', 'twitter', 'linkedin', 'whatsapp', 'any'];
export const SITE_LABELS: Record<PracticeSite, string> = {
  facebook: 'Facebook-style feed',
  twitter: 'X-style timeline',
  linkedin: 'LinkedIn-style feed',
  whatsapp: 'WhatsApp-style chat',
  any: 'Any website',
};

export interface PracticeComposer {
  site: PracticeSite;
  /** What the extension's adapter says about this composer (for the in-page explanation). */
  context: CheckContext;
  /** The editable root (contenteditable or textarea). */
  editor(): HTMLElement | null;
  /** The editor MODEL's plain text. */
  text(): string;
  /** Empty through the editor's model. */
  clear(): void;
  /** The site's own post/send control. */
  submitControl(): HTMLElement | null;
  /** True for a <textarea> (typed with execCommand), false for rich editors (pasted newlines). */
  plain: boolean;
  /**
   * How one typed character goes in. Draft.js crashes on a native insertText into an empty
   * editor (React then finds its DOM changed under it), so X-style gets a one-character paste.
   */
  typeBy?: 'insertText' | 'paste';
}

export interface ComposerHooks {
  onChange(): void;
  onPost(text: string): void;
}

/** A placeholder drawn beside a vanilla Lexical editor (it has none of its own). */
function placeholder(text: string): HTMLElement {
  return h('div', { class: 'pr-placeholder', 'aria-hidden': 'true' }, text);
}

function facebook(host: HTMLElement, hooks: ComposerHooks): PracticeComposer {
  const root = h('div', { role: 'textbox', 'aria-label': "What's on your mind?", 'aria-multiline': 'true', spellcheck: 'true', class: 'fb-editor notranslate' });
  const hint = placeholder("What's on your mind?");
  const post = h('div', { role: 'button', 'aria-label': 'Post', tabindex: '0', 'aria-disabled': 'true', class: 'fb-post' }, h('span', {}, 'Post'));
  const dialog = h('div', { role: 'dialog', 'aria-label': 'Create post', class: 'fb-dialog' },
    h('div', { class: 'fb-head' }, h('h2', {}, 'Create post')),
    h('div', { class: 'fb-who' }, h('span', { class: 'pr-avatar' }, 'A'), h('div', {}, h('strong', {}, 'Alex Practice'), h('div', { class: 'fb-aud' }, 'Public'))),
    h('div', { class: 'fb-field' }, root, hint),
    h('div', { class: 'fb-add' }, 'Add to your post'),
    post);
  host.append(h('div', { class: 'fb-page' }, dialog));
  const editor = makeLexical(root, 'practice-fb');
  editor.registerUpdateListener(() => {
    const empty = lexicalText(editor).trim() === '';
    post.setAttribute('aria-disabled', String(empty));
    hint.hidden = lexicalText(editor) !== '';
    hooks.onChange();
  });
  const submit = () => {
    const text = lexicalText(editor);
    if (text.trim() === '') return;
    hooks.onPost(text);
    clearLexical(editor);
  };
  post.addEventListener('click', submit);
  post.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      submit();
    }
  });
  return {
    site: 'facebook', context: { site: 'facebook', audience: 'public' }, plain: false,
    editor: () => root, text: () => lexicalText(editor), clear: () => clearLexical(editor), submitControl: () => post,
  };
}

function twitter(host: HTMLElement, hooks: ComposerHooks): PracticeComposer {
  const mount = h('div', {});
  host.append(h('div', { class: 'tw-page' }, h('div', { 'data-testid': 'primaryColumn', class: 'tw-column' },
    h('div', { class: 'tw-head' }, h('h2', {}, 'Home')),
    h('div', { class: 'tw-compose' }, h('span', { class: 'pr-avatar' }, 'A'), mount))));
  let handle: DraftComposerHandle | null = null;
  createRoot(mount).render(createElement(DraftComposer, {
    modal: false,
    onPost: (text) => hooks.onPost(text),
    onChange: () => hooks.onChange(),
    expose: (x) => (handle = x),
  }));
  return {
    site: 'twitter', context: { site: 'twitter', audience: 'public' }, plain: false, typeBy: 'paste',
    editor: () => handle?.element() ?? null,
    text: () => handle?.text() ?? '',
    clear: () => handle?.clear(),
    submitControl: () => host.querySelector<HTMLElement>('[data-testid="tweetButtonInline"]'),
  };
}

function linkedin(host: HTMLElement, hooks: ComposerHooks): PracticeComposer {
  const editorHost = h('div', { class: 'share-creation-state__text-editor' });
  const post = h('button', { type: 'button', class: 'share-actions__primary-action li-post', disabled: '' }, 'Post');
  const modal = h('div', { role: 'dialog', class: 'share-box-v2__modal li-modal', 'aria-labelledby': 'li-header' },
    h('div', { class: 'li-head' }, h('span', { class: 'pr-avatar' }, 'A'), h('div', {}, h('h2', { id: 'li-header' }, 'Alex Practice'), h('div', { class: 'li-aud' }, 'Post to Anyone'))),
    editorHost,
    h('div', { class: 'share-box_actions li-actions' }, post));
  host.append(h('div', { class: 'li-page' }, modal));
  let q: ReturnType<typeof makeQuill> | null = null;
  const submit = () => {
    if (!q) return;
    const text = quillText(q);
    if (text.trim() === '') return;
    hooks.onPost(text);
    q.setText('');
  };
  q = makeQuill(editorHost, { placeholder: 'What do you want to talk about?', onCtrlEnter: submit });
  const quill = q;
  quill.on('text-change', () => {
    post.disabled = quillText(quill).trim() === '';
    hooks.onChange();
  });
  post.addEventListener('click', submit);
  return {
    site: 'linkedin', context: { site: 'linkedin', audience: 'public' }, plain: false,
    editor: () => quill.root, text: () => quillText(quill), clear: () => quill.setText(''), submitControl: () => post,
  };
}

function whatsapp(host: HTMLElement, hooks: ComposerHooks): PracticeComposer {
  const people = ['Ana', 'Ben', 'Chris', 'You'];
  const header = h('header', { class: 'wa-header' }, h('span', { class: 'pr-avatar' }, 'W'),
    h('div', {}, h('span', { dir: 'auto', title: 'Ward team (practice)', class: 'wa-title' }, 'Ward team (practice)'),
      h('div', {}, h('span', { title: people.join(', '), class: 'wa-people' }, people.join(', ')))));
  const messages = h('div', { class: 'wa-messages', role: 'application', 'aria-label': 'Message list' },
    h('div', { class: 'wa-in' }, h('span', { class: 'wa-from' }, 'Ana'), 'Morning all, how was the night shift?'));
  const root = h('div', { role: 'textbox', 'aria-label': 'Type a message', title: 'Type a message', class: 'wa-editor' });
  const hint = placeholder('Type a message');
  const slot = h('div', { class: 'wa-slot' });
  const footer = h('footer', { class: 'wa-footer' }, h('div', { class: 'wa-field' }, root, hint), slot);
  host.append(h('div', { class: 'wa-page' }, h('div', { id: 'main', class: 'wa-main' }, header, messages, footer)));
  const editor = makeLexical(root, 'practice-wa');
  const send = () => {
    const text = lexicalText(editor);
    if (text.trim() === '') return;
    hooks.onPost(text);
    messages.append(h('div', { class: 'wa-out' }, text));
    messages.scrollTop = messages.scrollHeight;
    clearLexical(editor);
    root.focus();
  };
  // Send exists only while there is text (as on the real site); otherwise a voice-note button.
  let hadText: boolean | null = null;
  editor.registerUpdateListener(() => {
    const text = lexicalText(editor);
    hint.hidden = text !== '';
    hooks.onChange();
    const hasText = text.trim() !== '';
    if (hasText === hadText) return;
    hadText = hasText;
    if (hasText) {
      const button = h('button', { 'aria-label': 'Send', class: 'wa-send' }, h('span', { 'data-icon': 'wds-ic-send-filled', 'aria-hidden': 'true' }, '➤'));
      button.addEventListener('click', send);
      slot.replaceChildren(button);
    } else {
      slot.replaceChildren(h('button', { 'aria-label': 'Voice message', class: 'wa-voice' }, h('span', { 'data-icon': 'ptt', 'aria-hidden': 'true' }, '●')));
    }
  });
  submitOnEnter(editor, send);
  return {
    site: 'whatsapp', context: { site: 'whatsapp', audience: 'group' }, plain: false,
    editor: () => root, text: () => lexicalText(editor), clear: () => clearLexical(editor),
    submitControl: () => slot.querySelector<HTMLElement>('button[aria-label="Send"]'),
  };
}

/** A plain web form: the extension's generic fallback (any textarea, a submit button). */
function any(host: HTMLElement, hooks: ComposerHooks): PracticeComposer {
  const area = h('textarea', { name: 'message', rows: '5', 'aria-label': 'Your message', placeholder: 'Write something…', class: 'any-area' });
  const send = h('button', { type: 'submit', class: 'any-send' }, 'Send');
  const form = h('form', { class: 'any-form' }, h('label', { class: 'any-label' }, 'Leave a comment on any website'), area, send);
  host.append(h('div', { class: 'any-page' }, form));
  area.addEventListener('input', () => hooks.onChange());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (area.value.trim() === '') return;
    hooks.onPost(area.value);
    area.value = '';
    hooks.onChange();
  });
  return {
    site: 'any', context: { site: 'other' }, plain: true,
    editor: () => area, text: () => area.value,
    clear: () => {
      area.value = '';
      hooks.onChange();
    },
    submitControl: () => send,
  };
}

const BUILDERS: Record<PracticeSite, (host: HTMLElement, hooks: ComposerHooks) => PracticeComposer> = { facebook, twitter, linkedin, whatsapp, any };

export function mountComposer(site: PracticeSite, host: HTMLElement, hooks: ComposerHooks): PracticeComposer {
  host.classList.add(`site-${site}`);
  return BUILDERS[site](host, hooks);
}
