import type { SiteAdapter } from './types.js';

// web.whatsapp.com: Lexical composer in #main footer; the chat-list search box (#side) is
// Lexical too and must be ignored. Send exists only while there is text; Enter sends.
export const whatsapp: SiteAdapter = {
  site: 'whatsapp',
  hosts: ['web.whatsapp.com'],
  ignore: ['#side [contenteditable="true"]', '[contenteditable="true"][aria-label^="Search"]'],
  targets: [
    {
      name: 'message',
      editor: '#main footer [contenteditable="true"][role="textbox"]',
      submit: ['#main footer button[aria-label="Send"]', '#main footer [role="button"][aria-label="Send"]', '#main footer button:has([data-icon^="send"]), #main footer button:has([data-icon$="send-filled"])'],
      scope: ['#main footer'],
      enterSubmits: true,
      // A group chat's header lists participants; a one-to-one chat shows presence.
      audience: () => (document.querySelector('#main header span[title*=","]') ? 'group' : 'direct'),
    },
  ],
};
