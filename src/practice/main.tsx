/**
 * The practice site (issue 4): one page per composer at /think-twice-practice/<site>/,
 * served on 127.0.0.1 by `npm start`. The extension runs here exactly as on the real sites
 * (same adapter, chosen by the path; same checker and overlay). This page adds the trainer's
 * tools: a trust picker, a scenario library and session plan generated from the ruleset,
 * typing at a visible speed, presenter mode and the explanation panel.
 *
 * Privacy: nothing typed is stored or counted. The only state that survives a reload is
 * in the address (trust, presenter, step), never text; the page makes no requests.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import bundled from '../generated/rulesets.json';
import { compileRuleset, type CompiledRuleset } from '../checker/ruleset/compile.js';
import { runCheck } from '../checker/engine.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';
import type { Result } from '../checker/types.js';
import { PRACTICE_RULESET_ATTR, PRACTICE_RULESET_ELEMENT_ID } from '../content/practice.js';
import { PRACTICE_SITES, SITE_LABELS, mountComposer, type PracticeComposer, type PracticeSite } from './composers.js';
import { buildLibrary, type Library, type Scenario } from './scenarios.js';
import { typeInto, type TypingMode } from './typing.js';
import { Explain } from './Explain.js';
import 'draft-js/dist/Draft.css';
import 'quill/dist/quill.core.css';
import './practice.css';

const RULESETS = bundled as unknown as Record<string, RulesetInput>;
const TRUST_IDS = Object.keys(RULESETS);
const PRESENTER_ATTR = 'data-think-twice-presenter';

// ---------------------------------------------------------------- state (in memory only)

const params = new URLSearchParams(location.search);
const pathSite = location.pathname.replace(/^\/think-twice-practice\/?/, '').split('/')[0] ?? '';
const site: PracticeSite = (PRACTICE_SITES as readonly string[]).includes(pathSite) ? (pathSite as PracticeSite) : 'facebook';

function stepFromAddress(): number {
  const n = Number.parseInt(params.get('step') ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : -1;
}

interface State {
  trust: string;
  presenter: boolean;
  /** Index in the session plan; -1 before the first step. */
  step: number;
  mode: TypingMode;
  cps: number;
  autoPost: boolean;
  showFix: boolean;
  typing: boolean;
  libraryOpen: boolean;
  text: string;
  result: Result | null;
  posted: string | null;
  current: Scenario | null;
}

const state: State = {
  trust: TRUST_IDS.includes(params.get('trust') ?? '') ? params.get('trust')! : TRUST_IDS[0]!,
  presenter: params.get('presenter') === '1',
  step: stepFromAddress(),
  mode: params.get('mode') === 'paste' ? 'paste' : 'type',
  cps: Math.min(120, Math.max(4, Number(params.get('cps')) || 18)),
  autoPost: params.get('post') !== '0',
  showFix: false,
  typing: false,
  libraryOpen: true,
  text: '',
  result: null,
  posted: null,
  current: null,
};

const compiled = new Map<string, { ruleset: CompiledRuleset; library: Library }>();
function trustData(id: string) {
  let hit = compiled.get(id);
  if (!hit) {
    const { ruleset, issues } = compileRuleset(RULESETS[id]!);
    if (!ruleset) throw new Error(`ruleset ${id} does not compile: ${issues.map((i) => i.message).join('; ')}`);
    hit = { ruleset, library: buildLibrary(ruleset) };
    compiled.set(id, hit);
  }
  return hit;
}

function policyTitle(id: string): string {
  const p = (RULESETS[id] as unknown as { policy?: { title?: string; reference?: string } }).policy;
  return [p?.title ?? id, p?.reference].filter(Boolean).join(' ');
}

/** The address keeps choices (never text) so switching composer or reloading keeps them. */
function query(overrides: Partial<Pick<State, 'step'>> = {}): string {
  const q = new URLSearchParams();
  q.set('trust', state.trust);
  if (state.presenter) q.set('presenter', '1');
  const step = overrides.step ?? state.step;
  if (step >= 0) q.set('step', String(step));
  if (state.mode === 'paste') q.set('mode', 'paste');
  if (!state.autoPost) q.set('post', '0');
  return `?${q}`;
}
function saveAddress(): void {
  history.replaceState(null, '', location.pathname + query());
}

// ---------------------------------------------------------------- the extension's view of the trust

/** Hands the chosen trust's ruleset to the extension's content script (src/content/practice.ts). */
function publishRuleset(): void {
  let el = document.getElementById(PRACTICE_RULESET_ELEMENT_ID);
  if (!el) {
    el = document.createElement('script');
    el.id = PRACTICE_RULESET_ELEMENT_ID;
    el.setAttribute('type', 'application/json');
    document.head.append(el);
  }
  const input = RULESETS[state.trust]!;
  el.textContent = JSON.stringify(input);
  document.documentElement.setAttribute(PRACTICE_RULESET_ATTR, `${state.trust}@${(input as { version?: number }).version ?? 0}`);
}

function applyPresenter(): void {
  document.documentElement.toggleAttribute(PRESENTER_ATTR, state.presenter);
  document.body.classList.toggle('presenter', state.presenter);
}

// ---------------------------------------------------------------- composer

const composerHost = document.getElementById('composer')!;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
const composer: PracticeComposer = mountComposer(site, composerHost, {
  onChange: () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(recheck, 60);
  },
  onPost: () => {
    state.posted = state.current?.kind === 'safe' ? 'Posted (practice only: nothing was sent).' : 'Posted (practice only: nothing was sent or kept).';
    paint();
    setTimeout(() => {
      state.posted = null;
      paint();
    }, 3500);
  },
});

/** The explanation panel runs the same checker here, in the page. */
function recheck(): void {
  const text = composer.text();
  state.text = text;
  state.result = text.trim() === '' ? null : runCheck(trustData(state.trust).ruleset, text, composer.context);
  paint();
}

let typingAbort: AbortController | null = null;

async function runScenario(s: Scenario): Promise<void> {
  typingAbort?.abort();
  const abort = new AbortController();
  typingAbort = abort;
  state.current = s;
  state.showFix = false;
  state.typing = true;
  composer.clear();
  paint();
  await new Promise((r) => setTimeout(r, 60));
  const done = await typeInto(composer, s.text, { mode: state.mode, cps: state.cps, signal: abort.signal });
  if (typingAbort !== abort) return;
  state.typing = false;
  typingAbort = null;
  paint();
  if (done && state.autoPost) {
    // Press the site's own Post/Send, as the person would: the extension decides.
    await new Promise((r) => setTimeout(r, 450));
    if (!abort.signal.aborted) composer.submitControl()?.click();
  }
}

function goToStep(step: number): void {
  const plan = trustData(state.trust).library.plan;
  if (plan.length === 0) return;
  state.step = Math.max(0, Math.min(plan.length - 1, step));
  saveAddress();
  void runScenario(plan[state.step]!);
}

function setTrust(id: string): void {
  state.trust = id;
  publishRuleset();
  saveAddress();
  recheck();
}

function togglePresenter(): void {
  state.presenter = !state.presenter;
  applyPresenter();
  saveAddress();
  paint();
}

/** Clears everything: the composer, the extension's card, the explanation, the step. */
function reset(): void {
  typingAbort?.abort();
  location.replace(location.pathname + query({ step: -1 }));
}

// ---------------------------------------------------------------- keys

function editable(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'Escape' && typingAbort) {
    typingAbort.abort();
    state.typing = false;
    paint();
    return;
  }
  // Presentation clickers send PageDown/PageUp: they step even from inside a composer.
  if (e.key === 'PageDown' || e.key === 'PageUp') {
    e.preventDefault();
    goToStep(state.step + (e.key === 'PageDown' ? 1 : -1));
    return;
  }
  if (editable(e.target)) {
    // Esc leaves the composer so the single keys work again (the first Esc closes the card).
    if (e.key === 'Escape') (e.target as HTMLElement).blur();
    return; // the trainer is typing freely
  }
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const actions: Record<string, () => void> = {
    ArrowRight: () => goToStep(state.step + 1),
    n: () => goToStep(state.step + 1),
    ArrowLeft: () => goToStep(state.step - 1),
    p: () => goToStep(state.step - 1),
    f: () => {
      state.showFix = true;
      paint();
    },
    r: reset,
  };
  PRACTICE_SITES.forEach((s, i) => (actions[String(i + 1)] = () => location.assign(`../${s}/${query()}`)));
  const act = actions[key];
  if (!act) return;
  e.preventDefault();
  act();
});

// ---------------------------------------------------------------- UI

function Bar() {
  return (
    <div class="pr-bar-inner">
      <strong class="pr-brand">Think Twice · practice</strong>
      <nav class="pr-tabs" aria-label="Practice composers">
        {PRACTICE_SITES.map((s, i) => (
          <a href={`../${s}/${query()}`} aria-current={s === site ? 'page' : undefined} title={`Key ${i + 1}`}>
            {SITE_LABELS[s]}
          </a>
        ))}
      </nav>
      <label class="pr-trust">
        Trust{' '}
        <select data-testid="trust-picker" value={state.trust} onChange={(e) => setTrust((e.target as HTMLSelectElement).value)}>
          {TRUST_IDS.map((id) => (
            <option value={id}>{policyTitle(id)}</option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="presenter-toggle" aria-pressed={state.presenter} onClick={togglePresenter}>
        Presenter mode
      </button>
      <button type="button" data-testid="reset" onClick={reset} title="Key R">
        Reset
      </button>
    </div>
  );
}

function Controls() {
  const plan = trustData(state.trust).library.plan;
  const cur = state.step >= 0 ? plan[state.step] : null;
  return (
    <div class="pr-controls-inner">
      <div class="pr-step" data-testid="step">
        {cur ? (
          <>
            Step {state.step + 1} of {plan.length}: <span class={`pr-kind ${cur.kind}`}>{cur.kind === 'risky' ? 'Risky' : 'Safe'}</span> {cur.title}
          </>
        ) : (
          <>Session plan: {plan.length} steps. Press → or N to start.</>
        )}
        {state.typing && <span class="pr-typing"> typing… (Esc stops)</span>}
      </div>
      <div class="pr-buttons">
        <button type="button" onClick={() => goToStep(state.step - 1)} disabled={state.step <= 0}>
          ← Previous
        </button>
        <button type="button" data-testid="next" onClick={() => goToStep(state.step + 1)} disabled={state.step >= plan.length - 1}>
          Next →
        </button>
        <label>
          <select value={state.mode} onChange={(e) => ((state.mode = (e.target as HTMLSelectElement).value as TypingMode), saveAddress(), paint())}>
            <option value="type">Type it</option>
            <option value="paste">Paste it</option>
          </select>
        </label>
        <label>
          Speed{' '}
          <input type="range" min="4" max="60" value={state.cps} onInput={(e) => ((state.cps = Number((e.target as HTMLInputElement).value)), paint())} />
        </label>
        <label>
          <input type="checkbox" checked={state.autoPost} onChange={(e) => ((state.autoPost = (e.target as HTMLInputElement).checked), saveAddress(), paint())} /> Press Post when typed
        </label>
      </div>
      {state.posted && (
        <p class="pr-posted" role="status">
          {state.posted}
        </p>
      )}
    </div>
  );
}

function Library() {
  const { library } = trustData(state.trust);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="pr-library-inner">
      <h2>
        Scenarios for {policyTitle(state.trust)}{' '}
        <button type="button" class="pr-collapse" onClick={() => ((state.libraryOpen = !state.libraryOpen), paint())} aria-expanded={state.libraryOpen}>
          {state.libraryOpen ? 'Hide' : 'Show'}
        </button>
      </h2>
      {state.libraryOpen &&
        library.themes.map((t) => (
          <details key={t.theme.id} open={open === t.theme.id || (open === null && t === library.themes[0])} data-theme={t.theme.id}>
            <summary onClick={(e) => (e.preventDefault(), setOpen(open === t.theme.id ? '' : t.theme.id))}>
              {t.theme.title} <span class="pr-count">{t.rules.length}</span>
            </summary>
            <ul>
              {t.rules.map((r) => (
                <li key={r.rule}>
                  <span class="pr-rule-title">{r.title}</span>
                  <span class="pr-scenario-buttons">
                    {r.risky.map((s, i) => (
                      <button type="button" class="pr-risky" data-scenario={s.id} title={s.text} onClick={() => void runScenario(s)}>
                        Risky {i + 1}
                      </button>
                    ))}
                    {r.safe.slice(0, 2).map((s, i) => (
                      <button type="button" class="pr-safe" data-scenario={s.id} title={s.text} onClick={() => void runScenario(s)}>
                        Safe {i + 1}
                      </button>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ))}
    </div>
  );
}

function ExplainPanel() {
  return (
    <Explain
      text={state.text}
      result={state.result}
      policyTitle={policyTitle(state.trust)}
      showFix={state.showFix}
      onShowFix={() => ((state.showFix = true), paint())}
      onUseFix={() => {
        const fixed = state.result?.fixed;
        if (fixed === undefined) return;
        void runScenario({ ...(state.current ?? { id: 'fix', kind: 'safe', rule: '', title: 'Fixed', theme: '', verdict: 'ok', findings: [] }), text: fixed, kind: 'safe' });
      }}
    />
  );
}

function paint(): void {
  render(<Bar />, document.getElementById('bar')!);
  render(<Controls />, document.getElementById('controls')!);
  render(<ExplainPanel />, document.getElementById('explain')!);
  render(<Library />, document.getElementById('library')!);
}

publishRuleset();
applyPresenter();
paint();
document.documentElement.setAttribute('data-practice-ready', site);
