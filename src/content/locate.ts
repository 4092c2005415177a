/**
 * Finding, from an event's composed path, the compose box or submit control it
 * concerns, using the site adapter's declarative selectors (then the generic fallback).
 */
import type { ComposeTarget, SiteAdapter } from './sites/types.js';
import { GENERIC_SUBMIT_LABEL, GENERIC_TARGET } from './sites/generic.js';

export interface EditorHit {
  editor: HTMLElement;
  target: ComposeTarget;
}

export interface ControlHit {
  control: HTMLElement;
  target: ComposeTarget;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false; // a selector this browser cannot parse (e.g. :has in an old engine)
  }
}

function elementsOf(path: readonly EventTarget[]): Element[] {
  const out: Element[] = [];
  for (const t of path) {
    if (t instanceof Element) out.push(t);
  }
  return out;
}

export class Locator {
  constructor(private readonly adapter: SiteAdapter | null) {}

  private get targets(): ComposeTarget[] {
    return this.adapter ? this.adapter.targets : [];
  }

  isIgnored(el: Element): boolean {
    return (this.adapter?.ignore ?? []).some((s) => safeMatches(el, s));
  }

  /** The outermost editable root for a generic editor (nested elements inherit editability). */
  private genericRoot(el: Element): HTMLElement | null {
    if (el.tagName === 'TEXTAREA') return el as HTMLElement;
    if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
    let root: HTMLElement = el;
    for (let p = el.parentElement; p && p.isContentEditable; p = p.parentElement) root = p;
    return root;
  }

  editorIn(path: readonly EventTarget[]): EditorHit | null {
    let generic: EditorHit | null = null;
    for (const el of elementsOf(path)) {
      for (const target of this.targets) {
        if (safeMatches(el, target.editor)) return this.isIgnored(el) ? null : { editor: el as HTMLElement, target };
      }
      if (!generic && (el.tagName === 'TEXTAREA' || (el instanceof HTMLElement && el.isContentEditable))) {
        const root = this.genericRoot(el);
        if (root && !this.isIgnored(root)) {
          // The site adapter may still recognise the root.
          const siteTarget = this.targets.find((t) => safeMatches(root, t.editor));
          generic = { editor: root, target: siteTarget ?? GENERIC_TARGET };
          if (siteTarget) return generic;
        }
      }
    }
    return generic;
  }

  controlIn(path: readonly EventTarget[]): ControlHit | null {
    const els = elementsOf(path);
    for (const el of els) {
      for (const target of this.targets) {
        if (target.submit?.some((s) => safeMatches(el, s))) return { control: el as HTMLElement, target };
      }
    }
    for (const el of els) {
      if (el instanceof HTMLElement && isGenericSubmit(el)) return { control: el, target: GENERIC_TARGET };
      if (el instanceof HTMLElement && el.isContentEditable) return null; // clicks inside an editor are not submits
    }
    return null;
  }

  /** The scope element linking a control and its editors. */
  scopeOf(el: Element, target: ComposeTarget): Element | null {
    for (const sel of target.scope ?? []) {
      const s = closestDeep(el, sel);
      if (s) return s;
    }
    return null;
  }

  /** Editors a control would submit: those in its scope, else the last editor used. */
  editorsFor(control: Element, target: ComposeTarget, lastEditor: EditorHit | null): HTMLElement[] {
    for (const sel of target.scope ?? []) {
      const scope = closestDeep(control, sel);
      if (!scope) continue;
      const found = [...scope.querySelectorAll(target.editor)].filter((e) => !this.isIgnored(e)) as HTMLElement[];
      if (target === GENERIC_TARGET) {
        const roots = new Set(found.map((e) => this.genericRoot(e)).filter((e): e is HTMLElement => e !== null));
        if (roots.size) return [...roots];
      } else if (found.length) return found;
    }
    if (lastEditor?.editor.isConnected && (lastEditor.target === target || target === GENERIC_TARGET)) return [lastEditor.editor];
    return [];
  }

  /** The site's submit control for an editor (used to release a held post). */
  controlFor(editor: Element, target: ComposeTarget): HTMLElement | null {
    if (!target.submit) return null;
    for (const sel of target.scope ?? []) {
      const scope = closestDeep(editor, sel);
      if (!scope) continue;
      for (const s of target.submit) {
        try {
          const c = scope.querySelector(s);
          if (c) return c as HTMLElement;
        } catch {
          /* unsupported selector */
        }
      }
    }
    return null;
  }
}

export function isGenericSubmit(el: HTMLElement): boolean {
  const tag = el.tagName;
  if (tag === 'INPUT') return (el as HTMLInputElement).type === 'submit';
  const isButton = tag === 'BUTTON' || el.getAttribute('role') === 'button';
  if (!isButton) return false;
  if (tag === 'BUTTON' && (el as HTMLButtonElement).type === 'submit' && el.closest('form')) return true;
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  return label.length > 0 && label.length <= 24 && GENERIC_SUBMIT_LABEL.test(label);
}

/** Element.closest that continues past shadow-root boundaries to the host. */
export function closestDeep(el: Element, selector: string): Element | null {
  let cur: Element | null = el;
  while (cur) {
    let hit: Element | null = null;
    try {
      hit = cur.closest(selector);
    } catch {
      return null;
    }
    if (hit) return hit;
    const root = cur.getRootNode();
    cur = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

export function isDisabled(control: HTMLElement): boolean {
  return (control as HTMLButtonElement).disabled === true || control.getAttribute('aria-disabled') === 'true';
}
