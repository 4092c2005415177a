import type { SiteAdapter } from './types.js';

// linkedin.com: Quill share box (since 2026 inside the open shadow root of #interop-outlet),
// ProseMirror/TipTap comments, plain contenteditable messaging. Ctrl/Cmd+Enter posts;
// Enter sends in messaging (the user's "Press Enter to send" setting).
export const linkedin: SiteAdapter = {
  site: 'linkedin',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  targets: [
    {
      name: 'share',
      editor: '.ql-editor[contenteditable="true"][role="textbox"], [contenteditable="true"][aria-label^="Text editor for creating"]',
      submit: ['button.share-actions__primary-action'],
      scope: ['[role="dialog"]', '.share-box', '.share-creation-state'],
      ctrlEnterSubmits: true,
      audience: 'public',
    },
    {
      name: 'comment',
      editor: '.comments-comment-box [contenteditable="true"], .comments-comment-texteditor [contenteditable="true"]',
      submit: ['.comments-comment-box button[type="submit"]', 'button.comments-comment-box__submit-button'],
      scope: ['.comments-comment-box', 'form'],
      ctrlEnterSubmits: true,
      audience: 'public',
    },
    {
      name: 'messaging',
      editor: '.msg-form__contenteditable',
      submit: ['button.msg-form__send-button'],
      scope: ['form.msg-form', '.msg-form'],
      enterSubmits: true,
      ctrlEnterSubmits: true,
      audience: 'direct',
    },
  ],
};
