import type { ComposeTarget } from './types.js';

/**
 * Fallback for any other contenteditable or textarea on the covered hosts: its text
 * is followed like any editor, Ctrl/Cmd+Enter is held when risky, and a click on a
 * control that looks like a submit (by type or by a short label) is held when the
 * editor in the same form/dialog holds a risky text.
 */
export const GENERIC_TARGET: ComposeTarget = {
  name: 'generic',
  editor: '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea',
  submit: ['button[type="submit"]', 'input[type="submit"]'],
  scope: ['form', '[role="dialog"]', 'footer'],
  ctrlEnterSubmits: true,
};

/** Words a submit control says, in the sites' main languages. */
export const GENERIC_SUBMIT_LABEL = /^(post|send|reply|comment|tweet|share|publish|submit|repost|quote|publier|envoyer|senden|enviar|posten)\b/i;
