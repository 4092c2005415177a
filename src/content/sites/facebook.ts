import type { SiteAdapter } from './types.js';

// facebook.com: Lexical editors. The post composer is a [role=dialog] mounted on demand;
// its Post control is a div[role=button] (Enter/Space arrive as keydown). Labels are localised,
// so the aria-label list is a fallback behind structure.
const POST_LABELS = ['Post', 'Publier', 'Posten', 'Publicar', 'Pubblica', 'Opublikuj', 'Next'];

export const facebook: SiteAdapter = {
  site: 'facebook',
  hosts: ['www.facebook.com', 'facebook.com', 'm.facebook.com', 'web.facebook.com'],
  targets: [
    {
      name: 'post',
      editor: '[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
      submit: POST_LABELS.map((l) => `[role="dialog"] [role="button"][aria-label="${l}"]`),
      scope: ['[role="dialog"]'],
      audience: 'public',
    },
    {
      name: 'comment',
      editor: '[contenteditable="true"][role="textbox"][aria-label^="Write a comment"], [contenteditable="true"][role="textbox"][aria-label^="Write a reply"], [contenteditable="true"][role="textbox"][aria-label^="Comment as"]',
      enterSubmits: true,
      scope: ['form', '[role="article"]'],
      audience: 'public',
    },
    {
      name: 'messenger',
      editor: '[contenteditable="true"][role="textbox"][aria-label="Message"], [contenteditable="true"][role="textbox"][aria-label^="Write to"]',
      submit: ['[role="button"][aria-label="Press Enter to send"]', '[role="button"][aria-label="Send"]'],
      scope: ['[role="main"] form', '[role="complementary"]', 'form'],
      enterSubmits: true,
      audience: 'direct',
    },
  ],
};
