/**
 * Think Twice content script. Runs at document_start as a classic script so its
 * window capture-phase listeners are registered before any of the page's own, and
 * sees every submit (click, tap, keyboard activation, Enter, Ctrl/Cmd+Enter) first.
 *
 * A clean post is never touched: the listener returns without calling anything on
 * the event. A risky post (warn/block) is held and the overlay opens. When the
 * verdict cannot be known (no ruleset yet) the post is held, never waved through.
 * No post text is logged, stored or sent anywhere but this browser's own background worker.
 */
import { browserApi as browser } from '../shared/browser-api.js';
import { holdsPost, type CheckContext, type Result } from '../checker/types.js';
import { ACTIVE_RULESET_KEY, EFFECTIVE_SETTINGS_KEY, isActiveRuleset, type BackgroundRequest, type CheckResponse, type Settings } from '../shared/messages.js';
import { adapterForPage } from './sites/index.js';
import { isPracticePage, watchPracticeRuleset } from './practice.js';
import type { ComposeTarget } from './sites/types.js';
import { Locator, isDisabled, type EditorHit } from './locate.js';
import { LocalChecker, VerdictCache } from './verdicts.js';
import { rangeFor, readText, type TextSnapshot } from './text.js';
import { OverlayLayer, type PanelModel, type Rect } from '../overlay/index.js';
import { writeEditorText } from '../editor-writers/index.js';
// Issue 5 (overlay owner): settings for the card, counts per rule, caret memory.
import { loadSettings, type Settings as UiSettings } from '../overlay/settings.js';
import { RecentlyAccepted, recordCounts, type CountKind } from '../overlay/counts.js';
import { rememberCaret } from '../overlay/focus.js';

const CHECK_DEBOUNCE_MS = 120;
const BACKGROUND_TIMEOUT_MS = 400;
const RULESET_WAIT_MS = 3000;

const adapter = adapterForPage(location);
const locator = new Locator(adapter);
const local = new LocalChecker();
const cache = new VerdictCache();
const overlay = new OverlayLayer();

let bypass = false;
let lastEditor: EditorHit | null = null;
let debounce: ReturnType<typeof setTimeout> | undefined;
let checkSeq = 0;
let rulesetWaiters: (() => void)[] = [];

// Practice site (issue 4, ./practice.ts): the page's trust picker chooses the ruleset for
// this tab only (storage's is then ignored here), and nothing done there is counted.
const practice = isPracticePage(location);
let practiceRuleset = false;

// ---------------------------------------------------------------- ruleset

function loadRuleset(value: unknown, fromPracticePage = false): void {
  if (!isActiveRuleset(value)) return;
  if (practiceRuleset && !fromPracticePage) return;
  if (local.load(value.input)) {
    cache.clear();
    const waiters = rulesetWaiters;
    rulesetWaiters = [];
    for (const w of waiters) w();
  }
}

function whenRulesetReady(timeoutMs: number): Promise<boolean> {
  if (local.ready) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(local.ready), timeoutMs);
    rulesetWaiters.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

browser.storage.local
  .get(ACTIVE_RULESET_KEY)
  .then((stored) => {
    loadRuleset(stored[ACTIVE_RULESET_KEY]);
    if (!local.ready) void send({ type: 'ensureRuleset' }).catch(() => undefined);
  })
  .catch(() => undefined);

if (practice) {
  watchPracticeRuleset((input) => {
    practiceRuleset = true;
    loadRuleset({ id: input.id, version: input.version, input }, true);
  });
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[ACTIVE_RULESET_KEY]) loadRuleset(changes[ACTIVE_RULESET_KEY].newValue);
  if (area === 'local' && changes[EFFECTIVE_SETTINGS_KEY]) policy = changes[EFFECTIVE_SETTINGS_KEY].newValue as Partial<Settings> | undefined;
});

// ---------------------------------------------------------------- organisation settings
// Managed-policy settings (resolved by the background into storage.local, issue 6). Kept to
// these few reads so the overlay/content owners are not disturbed: sites switched off are
// not checked; "warn" can be made "block"; with "Post anyway" not allowed a warning is
// shown as a block (no Post anyway button); advice hints can be hidden.
let policy: Partial<Settings> | undefined;
browser.storage.local
  .get(EFFECTIVE_SETTINGS_KEY)
  .then((stored) => {
    policy ??= stored[EFFECTIVE_SETTINGS_KEY] as Partial<Settings> | undefined;
  })
  .catch(() => undefined);

function siteEnabled(): boolean {
  const site = adapter?.site;
  if (!policy?.sitesEnabled || !site) return true;
  return (policy.sitesEnabled as string[]).includes(site);
}

function underPolicy(result: Result): Result {
  if (result.verdict !== 'warn') return result;
  if (policy?.warnBehaviour === 'block') {
    return { ...result, verdict: 'block', findings: result.findings.map((f) => (f.severity === 'warn' ? { ...f, severity: 'block' } : f)) };
  }
  if (policy?.allowPostAnyway === false) return { ...result, verdict: 'block' };
  return result;
}

// ---------------------------------------------------------------- card settings, counts (issue 5)
// Contacts, "Post anyway" reason and UI language for the card. Counts per rule only: no text.
let uiSettings: UiSettings | null = null;
const refreshUiSettings = (): void => {
  loadSettings(browser).then((s) => (uiSettings = s)).catch(() => undefined);
};
refreshUiSettings();
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes[EFFECTIVE_SETTINGS_KEY] || changes.settings)) refreshUiSettings();
});
const accepted = new RecentlyAccepted();
const heldRules = (r: Result): string[] => r.findings.filter((f) => f.severity !== 'advise').map((f) => f.rule);
const count = (r: Result, kind: CountKind): void => (practice ? undefined : void recordCounts(browser, heldRules(r), kind));
/** Warnings "posted anyway" in the last minute are not shown again for the same words. */
const acceptedKey = (r: Result): string => RecentlyAccepted.key(r.findings.filter((f) => f.severity !== 'advise'));

// The popup asks whether this tab is checked (answering here avoids the `tabs` permission).
browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse) => {
  if ((msg as { type?: string } | null)?.type !== 'thinkTwiceTabStatus') return undefined as unknown as true;
  sendResponse({ active: siteEnabled(), site: adapter?.site ?? null });
  return true;
});

function send(msg: BackgroundRequest): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

// ---------------------------------------------------------------- verdicts

function contextFor(editor: Element, target: ComposeTarget): CheckContext {
  const audience = typeof target.audience === 'function' ? target.audience(editor) : target.audience;
  return audience ? { site: adapter?.site ?? 'other', audience } : { site: adapter?.site ?? 'other' };
}

/** Cached verdict for this exact text, else the checker run here and now (synchronous). */
function verdictNow(text: string, ctx: CheckContext): Result | null {
  const cached = cache.get(text, ctx);
  if (cached) return cached;
  const result = local.check(text, ctx);
  if (result) cache.set(text, ctx, result);
  return result;
}

function scheduleCheck(): void {
  clearTimeout(debounce);
  debounce = setTimeout(runDebouncedCheck, CHECK_DEBOUNCE_MS);
}

async function runDebouncedCheck(): Promise<void> {
  const hit = lastEditor;
  if (!hit || !hit.editor.isConnected) return;
  const { text } = readText(hit.editor);
  const ctx = contextFor(hit.editor, hit.target);
  const seq = ++checkSeq;
  let result = cache.get(text, ctx) ?? null;
  if (!result && text.trim() !== '') {
    result = await checkInBackground(text, ctx);
    if (result) cache.set(text, ctx, result);
    // The worker is asleep, restarting or gone: the same checker runs here instead.
    else result = verdictNow(text, ctx);
  }
  if (seq !== checkSeq) return; // a newer keystroke has taken over
  showVerdict(hit, result);
}

async function checkInBackground(text: string, ctx: CheckContext): Promise<Result | null> {
  try {
    const reply = (await Promise.race([
      send({ type: 'check', text, ctx }),
      new Promise((resolve) => setTimeout(() => resolve(null), BACKGROUND_TIMEOUT_MS)),
    ])) as CheckResponse | null | undefined;
    if (!reply || !reply.ok) return null;
    // Only trust a result computed with the same ruleset the page would use.
    if (local.identity && `${reply.rulesetId}@${reply.rulesetVersion}` !== local.identity) return null;
    return reply.result;
  } catch {
    return null;
  }
}

function showVerdict(hit: EditorHit, result: Result | null): void {
  const host = overlay.element;
  host.setAttribute('data-verdict', result?.verdict ?? 'unknown');
  host.setAttribute('data-checks', String(checkSeq));
  const advice = result && result.verdict === 'advise' && policy?.adviceBehaviour !== 'hide' ? result.findings.filter((f) => f.severity === 'advise') : null;
  overlay.hint(advice, advice ? toRect(hit.editor.getBoundingClientRect()) : null);
}

// ---------------------------------------------------------------- holding and releasing

interface HeldPost {
  editor: HTMLElement;
  target: ComposeTarget;
  text: string;
  ctx: CheckContext;
  result: Result;
  /** The submit the user made, so it can be replayed with the bypass set. */
  via: { kind: 'control'; control: HTMLElement } | { kind: 'key'; init: KeyboardEventInit };
}

function hold(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}

function keyInit(e: KeyboardEvent): KeyboardEventInit & { keyCode: number; which: number } {
  return {
    key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey,
    bubbles: true, cancelable: true, composed: true,
  };
}

/**
 * Decide synchronously whether this submit may go ahead. Returns without touching the
 * event for a clean post; otherwise holds it and opens the card.
 */
function decide(e: Event, editors: HTMLElement[], target: ComposeTarget, via: HeldPost['via']): void {
  if (!siteEnabled()) return; // switched off by the organisation
  for (const editor of editors) {
    const { text } = readText(editor);
    if (text.trim() === '') continue;
    const ctx = contextFor(editor, target);
    const result = verdictNow(text, ctx);
    if (result === null) {
      // No ruleset in this page yet: hold, and let a clean post through once it is known.
      hold(e);
      void decideLater(editor, target, text, ctx, via);
      return;
    }
    if (holdsPost(result.verdict)) {
      // Issue 5: the same warning just "posted anyway" (within a minute) is not shown again.
      if (underPolicy(result).verdict === 'warn' && accepted.has(acceptedKey(result), Date.now())) continue;
      hold(e);
      openPanel({ editor, target, text, ctx, result, via }, false);
      return;
    }
  }
}

async function decideLater(editor: HTMLElement, target: ComposeTarget, text: string, ctx: CheckContext, via: HeldPost['via']): Promise<void> {
  const ready = await whenRulesetReady(RULESET_WAIT_MS);
  const result = ready ? verdictNow(text, ctx) : null;
  if (result && !holdsPost(result.verdict)) {
    release({ editor, target, text, ctx, result, via });
    return;
  }
  openPanel({ editor, target, text, ctx, result: result ?? { verdict: 'warn', findings: [], fixed: text }, via }, result === null);
}

function release(held: HeldPost): void {
  const control = (held.via.kind === 'control' && held.via.control.isConnected ? held.via.control : null) ?? locator.controlFor(held.editor, held.target);
  bypass = true;
  try {
    if (control && !isDisabled(control)) control.click();
    else if (held.via.kind === 'key') {
      held.editor.focus();
      held.editor.dispatchEvent(new KeyboardEvent('keydown', held.via.init));
    } else if (control) control.click();
  } finally {
    bypass = false;
  }
}

// ---------------------------------------------------------------- overlay

function toRect(r: DOMRect): Rect {
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

function marksFor(held: HeldPost, snapshot: TextSnapshot): PanelModel['marks'] {
  const marks: PanelModel['marks'] = [];
  for (const f of held.result.findings) {
    if (f.severity === 'advise') continue;
    const range = rangeFor(snapshot, f.start, f.end);
    if (!range) continue;
    for (const r of range.getClientRects()) {
      if (marks.length >= 60) return marks;
      if (r.width > 0 && r.height > 0) marks.push({ rect: toRect(r), severity: f.severity });
    }
  }
  return marks;
}

function layoutFor(held: HeldPost): Pick<PanelModel, 'anchor' | 'marks'> {
  const snapshot = readText(held.editor);
  return {
    anchor: held.editor.isConnected ? toRect(held.editor.getBoundingClientRect()) : null,
    marks: snapshot.text === held.text ? marksFor(held, snapshot) : [],
  };
}

function placeCaret(editor: HTMLElement, offset: number): void {
  editor.focus();
  if (editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT') {
    (editor as HTMLTextAreaElement).setSelectionRange(offset, offset);
    return;
  }
  const range = rangeFor(readText(editor), offset, offset);
  const sel = getSelection();
  if (range && sel) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    overlay.element.shadowRoot!.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

function openPanel(held: HeldPost, unchecked: boolean): void {
  held = { ...held, result: underPolicy(held.result) };
  let writing = false;
  const model: PanelModel = {
    result: held.result, policyFile: local.policySource, ...layoutFor(held), writeFailed: false, copied: false, unchecked,
    // Issue 5: who will see it, contacts, the reason setting, and what a "wrong" report names.
    audience: held.ctx.audience ?? null,
    site: adapter?.site ?? location.hostname,
    ruleset: local.identity ? { id: local.identity.split('@')[0]!, version: local.identity.split('@')[1] ?? '' } : null,
    requireReason: uiSettings?.postAnywayRequiresReason ?? false,
    supportContact: uiSettings?.supportContact ?? null,
    freedomToSpeakUpContact: uiSettings?.freedomToSpeakUpContact ?? null,
    text: held.text, // in memory while the card is open; only sent if the person ticks the box
  };
  const restoreCaret = rememberCaret(held.editor);
  if (!unchecked) count(held.result, 'warned');
  overlay.relayout = () => layoutFor(held);
  overlay.open(
    model,
    {
      applyFix: () => {
        if (writing) return;
        writing = true;
        void writeEditorText(held.editor, held.result.fixed).then((outcome) => {
          writing = false;
          if (outcome !== 'written') {
            overlay.update({ writeFailed: true });
            return;
          }
          const text = readText(held.editor).text;
          const again = verdictNow(text, held.ctx);
          if (again && holdsPost(again.verdict)) {
            // Something the fix could not mend is still there.
            overlay.close(false);
            openPanel({ ...held, text, result: again }, false);
            return;
          }
          count(held.result, 'fixed');
          // The text changed under the old caret: focus only, the editor keeps its own new caret.
          overlay.close(false);
          held.editor.focus();
        });
      },
      editPost: () => {
        count(held.result, 'edited');
        overlay.close(false);
        const first = held.result.findings.find((f) => f.severity !== 'advise');
        placeCaret(held.editor, first?.start ?? 0);
      },
      postAnyway: () => {
        if (held.result.verdict === 'block' && !unchecked) return; // never for a block
        count(held.result, 'postedAnyway');
        if (!unchecked) accepted.remember(acceptedKey(held.result), Date.now());
        overlay.close(false);
        release(held);
      },
      copyFixed: () => {
        void copyText(held.result.fixed).then((ok) => overlay.update({ copied: ok }));
      },
      openPolicy: (file) => {
        void send({ type: 'openPolicy', file }).catch(() => undefined);
      },
      reportWrong: (rule) => (practice ? undefined : void recordCounts(browser, [rule], 'reportedWrong')),
    },
    { returnFocus: restoreCaret, onDismiss: () => count(held.result, 'cancelled') },
  );
}

// ---------------------------------------------------------------- listeners (window, capture phase)

function onKeyEvent(e: KeyboardEvent): void {
  if (bypass) return;
  const path = e.composedPath();
  if (overlay.owns(path)) {
    // Keep the site's single-key shortcuts from firing while the card has focus.
    overlay.handleKey(e);
    e.stopImmediatePropagation();
    return;
  }
  if (e.type !== 'keydown') return;
  if (e.key !== 'Enter' && e.key !== ' ' && e.key !== 'Spacebar') return;
  if (e.isComposing || e.keyCode === 229) return; // an IME is committing, not a submit

  const control = locator.controlIn(path);
  const editorHit = locator.editorIn(path);
  if (control && !editorHit && !e.repeat) {
    if (isDisabled(control.control)) return;
    decide(e, locator.editorsFor(control.control, control.target, lastEditor), control.target, { kind: 'control', control: control.control });
    return;
  }
  if (!editorHit || e.key !== 'Enter' || e.shiftKey || e.altKey) return;
  const withModifier = e.ctrlKey || e.metaKey;
  const submits = withModifier ? editorHit.target.ctrlEnterSubmits : editorHit.target.enterSubmits;
  if (!submits) return;
  lastEditor = editorHit;
  decide(e, [editorHit.editor], editorHit.target, { kind: 'key', init: keyInit(e) });
}

function onClick(e: MouseEvent): void {
  if (bypass) return;
  const path = e.composedPath();
  if (overlay.owns(path)) return;
  const control = locator.controlIn(path);
  if (!control || isDisabled(control.control)) return;
  decide(e, locator.editorsFor(control.control, control.target, lastEditor), control.target, { kind: 'control', control: control.control });
}

function onTextActivity(e: Event): void {
  const path = e.composedPath();
  if (overlay.owns(path)) return;
  const hit = locator.editorIn(path);
  if (!hit) return;
  lastEditor = hit;
  if (e.type !== 'focusin') scheduleCheck();
}

function onFormSubmit(e: SubmitEvent): void {
  if (bypass) return;
  const form = e.target;
  if (!(form instanceof HTMLFormElement)) return;
  const fields = [...form.querySelectorAll('textarea, [contenteditable="true"]')].filter((el) => !locator.isIgnored(el)) as HTMLElement[];
  if (fields.length === 0) return;
  const hit = locator.editorIn([fields[0]!]);
  const target = hit?.target ?? { name: 'form', editor: 'textarea' };
  const submitter = e.submitter instanceof HTMLElement ? e.submitter : null;
  decide(e, fields, target, submitter ? { kind: 'control', control: submitter } : { kind: 'key', init: { key: 'Enter', bubbles: true, cancelable: true } });
}

const capture = { capture: true } as const;
window.addEventListener('keydown', onKeyEvent, capture);
window.addEventListener('keyup', onKeyEvent, capture);
window.addEventListener('keypress', onKeyEvent, capture);
window.addEventListener('click', onClick, capture);
for (const type of ['focusin', 'beforeinput', 'input', 'paste', 'drop', 'cut', 'compositionend', 'keyup'] as const) {
  window.addEventListener(type, onTextActivity, { capture: true, passive: true });
}
document.addEventListener('submit', onFormSubmit as EventListener, capture);
