import type { Audience, Site } from '../../checker/types.js';

/**
 * One kind of compose box on a site, described declaratively. Selectors are
 * best-effort (sites change their DOM without notice) and live only here.
 */
export interface ComposeTarget {
  /** e.g. 'post', 'comment', 'message'. */
  name: string;
  /** CSS selector for the editor element (contenteditable root or textarea). */
  editor: string;
  /** Selectors for the site's own submit controls belonging to this editor. */
  submit?: string[];
  /**
   * Containers (tried in order with `closest`) that hold one editor and its submit
   * control; links a clicked control to the text it would post.
   */
  scope?: string[];
  /** Plain Enter (not Shift, not during IME composition) submits. */
  enterSubmits?: boolean;
  /** Ctrl/Cmd+Enter submits. */
  ctrlEnterSubmits?: boolean;
  /** Who sees the post. A function only where the page has to be read to tell. */
  audience?: Audience | ((editor: Element) => Audience);
}

export interface SiteAdapter {
  site: Site;
  /** Exact host names this adapter covers. */
  hosts: string[];
  targets: ComposeTarget[];
  /** Editors that never post anything (search boxes): not checked, not intercepted. */
  ignore?: string[];
}
