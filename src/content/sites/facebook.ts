import type { Audience } from '../../checker/types.js';
import type { SiteAdapter } from './types.js';

// facebook.com: Lexical editors. The post composer is a [role=dialog] mounted on demand;
// its Post control is a div[role=button] (Enter/Space arrive as keydown). Labels are localised,
// so the aria-label list is a fallback behind structure.
const POST_LABELS = ['Post', 'Publier', 'Posten', 'Publicar', 'Pubblica', 'Opublikuj', 'Next'];

/**
 * Issue 5: who sees a post. Posts and comments inside a group (/groups/...) go to its
 * members, unless the group page says it is a public group; elsewhere they are treated as
 * public (the composer's own audience picker is not read: "Friends" still spreads by share).
 */
function postAudience(): Audience {
  if (!/^\/groups\//.test(location.pathname)) return 'public';
  const spans = document.querySelectorAll('[role="main"] span, [role="banner"] span');
  for (let i = 0; i < spans.length && i < 400; i++) if (/^Public group\b/i.test(spans[i]!.textContent ?? '')) return 'public';
  return 'group';
}

export const facebook: SiteAdapter = {
  site: 'facebook',
  hosts: ['www.facebook.com', 'facebook.com', 'm.facebook.com', 'web.facebook.com'],
  targets: [
    {
      name: 'post',
      editor: '[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
      submit: POST_LABELS.map((l) => `[role="dialog"] [role="button"][aria-label="${l}"]`),
      scope: ['[role="dialog"]'],
      audience: postAudience,
    },
    {
      name: 'comment',
      editor: '[contenteditable="true"][role="textbox"][aria-label^="Write a comment"], [contenteditable="true"][role="textbox"][aria-label^="Write a reply"], [contenteditable="true"][role="textbox"][aria-label^="Comment as"]',
      enterSubmits: true,
      scope: ['form', '[role="article"]'],
      audience: postAudience,
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
