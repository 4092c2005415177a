/**
 * The extension's own layer: a host element on <html> with an open shadow root, so the
 * site's CSS cannot reach it and nothing is ever put inside the site's editor.
 */
import { render } from 'preact';
import type { Finding } from '../checker/types.js';
import { CATEGORY_KEYS, Hint, Panel, findingMessage, type PanelActions, type PanelModel, type Rect } from './Overlay.js';
import { t, uiLanguage } from './i18n.js';
import { OVERLAY_CSS } from './styles.js';

export type { PanelActions, PanelModel, Rect };

export const HOST_ID = 'think-twice-overlay';

// Presenter mode (issue 4): only the card's size changes, never what it says. The panel's
// children are zoomed (not the panel, whose top/left are computed for the viewport).
const PRESENTER_ATTR = 'data-think-twice-presenter';
const PRESENTER_CSS = `:host([data-presenter]) .tt-panel { width: min(640px, calc(100vw - 24px)); }
:host([data-presenter]) .tt-panel > * { zoom: 1.4; }
:host([data-presenter]) .tt-hint { font-size: 20px; max-width: 560px; }`;

export class OverlayLayer {
  private host: HTMLElement | null = null;
  private root: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private model: PanelModel | null = null;
  private actions: PanelActions | null = null;
  private hintFindings: Finding[] | null = null;
  private hintAnchor: Rect | null = null;
  private returnFocus: (() => void) | null = null;
  private onDismiss: (() => void) | null = null;

  /** The host element, created lazily (at document_start there is no body yet). */
  get element(): HTMLElement {
    if (this.host?.isConnected) return this.host;
    const host = document.createElement('div');
    host.id = HOST_ID;
    host.setAttribute('data-think-twice', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS + PRESENTER_CSS;
    const live = document.createElement('div');
    // The live region exists before anything is said into it (screen readers ignore a
    // region that appears together with its text).
    live.className = 'tt-sr tt-live';
    live.setAttribute('aria-live', 'assertive');
    live.setAttribute('aria-atomic', 'true');
    const root = document.createElement('div');
    shadow.append(style, live, root);
    // Presenter mode (issue 4, the practice site sets <html data-think-twice-presenter>): larger card.
    const presenter = () => host.toggleAttribute('data-presenter', document.documentElement.hasAttribute(PRESENTER_ATTR));
    presenter();
    new MutationObserver(presenter).observe(document.documentElement, { attributes: true, attributeFilter: [PRESENTER_ATTR] });
    (document.body ?? document.documentElement).append(host);
    this.host = host;
    this.root = root;
    this.live = live;
    return host;
  }

  isOpen(): boolean {
    return this.model !== null;
  }

  /** True when an event came from inside our layer. */
  owns(path: EventTarget[]): boolean {
    return this.host !== null && path.includes(this.host);
  }

  open(model: PanelModel, actions: PanelActions, opts: { returnFocus: () => void; onDismiss: () => void }): void {
    this.element;
    this.model = model;
    // The card's own close button does what Esc does.
    this.actions = { close: () => this.dismiss(), ...actions };
    this.returnFocus = opts.returnFocus;
    this.onDismiss = opts.onDismiss;
    this.hintFindings = null;
    this.paint();
    this.announce(model);
    this.panel()?.focus();
    window.addEventListener('scroll', this.onViewportChange, true);
    window.addEventListener('resize', this.onViewportChange);
  }

  update(patch: Partial<PanelModel>): void {
    if (!this.model) return;
    this.model = { ...this.model, ...patch };
    this.paint();
  }

  /** Close the card; `restore` puts focus back in the editor (Esc, Edit post). */
  close(restore: boolean): void {
    if (!this.model) return;
    this.model = null;
    this.actions = null;
    window.removeEventListener('scroll', this.onViewportChange, true);
    window.removeEventListener('resize', this.onViewportChange);
    this.paint();
    const back = this.returnFocus;
    this.returnFocus = null;
    this.onDismiss = null;
    if (restore) back?.();
  }

  /** Closed without posting (Esc, the close button): the controller hears, focus goes back. */
  dismiss(): void {
    if (!this.model) return;
    this.onDismiss?.();
    this.close(true);
  }

  /** A small, non-blocking hint for advice-only findings (null clears it). */
  hint(findings: Finding[] | null, anchor: Rect | null): void {
    if (this.model) return;
    const same = JSON.stringify(findings?.map((f) => f.rule)) === JSON.stringify(this.hintFindings?.map((f) => f.rule));
    this.hintFindings = findings && findings.length ? findings : null;
    this.hintAnchor = anchor;
    if (this.hintFindings || this.root) {
      if (this.hintFindings) this.element;
      this.paint();
      if (this.hintFindings && !same) this.say(t('live_advice', findingMessage(this.hintFindings[0]!, uiLanguage()).text));
    }
  }

  /** Relayout hooks for the controller (highlights follow the text on scroll). */
  relayout: (() => Partial<PanelModel>) | null = null;

  /**
   * Keys pressed inside our layer. The controller stops them from reaching the site
   * (single-key shortcuts), so focus handling is done here: Esc closes, Tab stays in the card.
   */
  handleKey(e: KeyboardEvent): void {
    if (e.type !== 'keydown') return;
    if (e.key === 'Escape' && this.model) {
      e.preventDefault();
      this.dismiss();
      return;
    }
    if (e.key === 'Tab' && this.model) {
      const panel = this.panel();
      if (!panel) return;
      const items = [...panel.querySelectorAll<HTMLElement>('button, a[href], textarea, input, select')].filter(
        (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
      );
      if (items.length === 0) return;
      const active = (this.host?.shadowRoot?.activeElement as HTMLElement | null) ?? null;
      const idx = active ? items.indexOf(active) : -1;
      const next = e.shiftKey ? (idx <= 0 ? items.length - 1 : idx - 1) : idx === -1 || idx === items.length - 1 ? 0 : idx + 1;
      e.preventDefault();
      items[next]!.focus();
    }
  }

  private onViewportChange = (): void => {
    if (!this.model || !this.relayout) return;
    this.update(this.relayout());
  };

  private panel(): HTMLElement | null {
    return (this.host?.shadowRoot?.querySelector('.tt-panel') as HTMLElement | null) ?? null;
  }

  private announce(model: PanelModel): void {
    const held = model.result.findings.filter((f) => f.severity !== 'advise');
    const lang = uiLanguage();
    const words = held.map((f) => `${t(CATEGORY_KEYS[f.category])}: ${findingMessage(f, lang).text}`).join(' ');
    this.say(t('live_held', words));
  }

  private say(text: string): void {
    if (!this.live) return;
    this.live.textContent = '';
    // A change after a tick is what screen readers pick up reliably.
    setTimeout(() => {
      if (this.live) this.live.textContent = text;
    }, 30);
  }

  private paint(): void {
    if (!this.root) return;
    if (this.model && this.actions) {
      render(<Panel model={this.model} actions={this.actions} />, this.root);
    } else if (this.hintFindings) {
      render(<Hint findings={this.hintFindings} anchor={this.hintAnchor} onClose={() => this.hint(null, null)} />, this.root);
    } else {
      render(null, this.root);
    }
  }
}
