import type { SiteAdapter } from './types.js';

// x.com / twitter.com: Draft.js editors (`tweetTextarea_0`, `_1`… for thread items);
// tweetButton in the dialog, tweetButtonInline on home; real <button>s; Ctrl/Cmd+Enter posts.
export const twitter: SiteAdapter = {
  site: 'twitter',
  hosts: ['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  targets: [
    {
      name: 'tweet',
      editor: '[data-testid^="tweetTextarea_"][role="textbox"][contenteditable="true"]',
      submit: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'],
      scope: ['[role="dialog"]', '[data-testid="primaryColumn"]', 'main', 'body'],
      ctrlEnterSubmits: true,
      audience: 'public',
    },
    {
      name: 'dm',
      editor: '[data-testid="dmComposerTextInput"]',
      submit: ['[data-testid="dmComposerSendButton"]'],
      scope: ['aside', '[data-testid="DmActivityViewport"]', 'body'],
      enterSubmits: true,
      audience: 'direct',
    },
  ],
};
