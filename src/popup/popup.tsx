/**
 * The toolbar popup: is this tab checked, which policy is in force, a private "check this
 * text" box (the checker runs here, in the popup), help links, and the counts this device
 * keeps (which the person can clear). Nothing typed here is stored or sent.
 */
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
// File by file, as in the background: no YAML/zod loader in an extension page.
import { compileRuleset, type CompiledRuleset } from '../checker/ruleset/compile.js';
import { runCheck } from '../checker/engine.js';
import type { Result } from '../checker/types.js';
import { ACTIVE_RULESET_KEY, isActiveRuleset, type Status } from '../shared/messages.js';
import { CATEGORY_KEYS, SeverityBadge, findingMessage } from '../overlay/Overlay.js';
import { langTag, t, uiLanguage } from '../overlay/i18n.js';
import { loadSettings, type Settings } from '../overlay/settings.js';
import { COUNTS_KEY, COUNT_KINDS, COUNT_LABELS, clearCounts, readCounts, type RuleCounts } from '../overlay/counts.js';
import { contactHref } from '../overlay/report.js';

/** The Practise page (issue 4) where it is built; the link is shown only if the page exists. */
const PRACTISE_PAGES = ['src/practise/index.html', 'practise.html'];

interface RulesetInfo {
  id: string;
  version: number;
  title: string | null;
  compiled: CompiledRuleset | null;
}

type TabState = 'unknown' | 'active' | 'inactive';

async function tabState(): Promise<TabState> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return 'inactive';
    // Only our content script answers; on any other page there is nobody to answer.
    const reply = (await browser.tabs.sendMessage(tab.id, { type: 'thinkTwiceTabStatus' })) as { active?: boolean } | undefined;
    return reply?.active ? 'active' : 'inactive';
  } catch {
    return 'inactive';
  }
}

async function rulesetInfo(): Promise<RulesetInfo | null> {
  const stored = (await browser.storage.local.get(ACTIVE_RULESET_KEY))[ACTIVE_RULESET_KEY];
  const compiled = isActiveRuleset(stored) ? compileRuleset(stored.input).ruleset : null;
  let status: Status | null = null;
  try {
    status = ((await browser.runtime.sendMessage({ type: 'getStatus' })) as Status | undefined) ?? null;
  } catch {
    status = null;
  }
  if (status?.ruleset) return { id: status.ruleset.id, version: status.ruleset.version, title: status.ruleset.title ?? compiled?.title ?? null, compiled };
  if (compiled) return { id: compiled.id, version: compiled.version, title: compiled.title, compiled };
  return null;
}

async function practisePage(): Promise<string | null> {
  for (const p of PRACTISE_PAGES) {
    const url = browser.runtime.getURL(p);
    try {
      const res = await fetch(url, { method: 'HEAD' });
      if (res.ok) return url;
    } catch {
      // not built
    }
  }
  return null;
}

function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<TabState>('unknown');
  const [ruleset, setRuleset] = useState<RulesetInfo | null | undefined>(undefined);
  const [practise, setPractise] = useState<string | null>(null);
  const [counts, setCounts] = useState<RuleCounts>({});
  const [cleared, setCleared] = useState(false);

  useEffect(() => {
    void loadSettings(browser).then((s) => {
      setSettings(s);
      document.documentElement.lang = langTag();
      document.title = t('popup_heading');
    });
    void tabState().then(setTab);
    void rulesetInfo().then(setRuleset);
    void practisePage().then(setPractise);
    void readCounts(browser).then(setCounts);
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && COUNTS_KEY in changes) void readCounts(browser).then(setCounts);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  if (!settings) return null; // the language is known once settings are read
  const policyUrl = ruleset?.compiled?.policySource ? browser.runtime.getURL(`policies/${ruleset.compiled.policySource}`) : null;
  const ig = settings.supportContact ? contactHref(settings.supportContact) : null;

  return (
    <>
      <h1>{t('popup_heading')}</h1>
      <p class={`status ${tab === 'active' ? 'on' : ''}`} role="status" data-tab={tab}>
        {tab === 'unknown' ? '…' : tab === 'active' ? t('popup_active') : t('popup_inactive')}
      </p>
      <dl>
        <dt>{t('popup_ruleset_label')}</dt>
        <dd data-ruleset={ruleset ? `${ruleset.id}@${ruleset.version}` : ''}>
          {ruleset === undefined ? '…' : ruleset ? t('popup_ruleset_value', ruleset.title ?? ruleset.id, ruleset.version) : t('popup_no_ruleset')}
        </dd>
      </dl>

      <CheckBox compiled={ruleset?.compiled ?? null} />

      <h2>{t('popup_help_heading')}</h2>
      <ul>
        {policyUrl && (
          <li>
            <a href={policyUrl} target="_blank" rel="noopener">
              {t('popup_policy_link')}
            </a>
          </li>
        )}
        {ig && (
          <li>
            <a href={ig} target="_blank" rel="noopener noreferrer">
              {t('popup_ig_link')}
            </a>
          </li>
        )}
        {practise && (
          <li>
            <a href={practise} target="_blank" rel="noopener">
              {t('popup_practise_link')}
            </a>
          </li>
        )}
        <li>
          <a
            href={browser.runtime.getURL('src/options/index.html')}
            onClick={(e) => {
              e.preventDefault();
              void browser.runtime.openOptionsPage();
            }}
          >
            {t('popup_settings_link')}
          </a>
        </li>
      </ul>

      <CountsTable
        counts={counts}
        cleared={cleared}
        onClear={() => {
          void clearCounts(browser).then(() => {
            setCounts({});
            setCleared(true);
          });
        }}
      />
    </>
  );
}

function CheckBox({ compiled }: { compiled: CompiledRuleset | null }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const lang = uiLanguage();
  const run = () => setResult(compiled && text.trim() ? runCheck(compiled, text, {}) : null);
  const shown = useMemo(() => result?.findings ?? [], [result]);
  return (
    <section aria-labelledby="check-h">
      <h2 id="check-h">{t('popup_check_heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <label for="check-text">{t('popup_check_label')}</label>
        <p class="hint" id="check-hint">
          {t('popup_check_hint')}
        </p>
        <textarea id="check-text" rows={4} aria-describedby="check-hint" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" disabled={!compiled}>
          {t('popup_check_button')}
        </button>
      </form>
      <div role="status" aria-live="polite" class="results" id="check-results">
        {result &&
          (shown.length === 0 ? (
            <p>{t('popup_check_ok')}</p>
          ) : (
            <>
              <p>{shown.length === 1 ? t('popup_check_found_one') : t('popup_check_found_many', shown.length)}</p>
              <ul>
                {shown.map((f, i) => {
                  const m = findingMessage(f, lang);
                  return (
                    <li key={`${f.rule}-${i}`}>
                      <SeverityBadge severity={f.severity} /> <strong>{t(CATEGORY_KEYS[f.category])}</strong>: <span lang={m.lang}>{m.text}</span>{' '}
                      <span class="hint" lang={lang === 'cy' ? 'en-GB' : undefined}>
                        ({t('clause_ref', f.clause.title, f.clause.section).replace(/:$/, '')})
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ))}
      </div>
    </section>
  );
}

function CountsTable({ counts, cleared, onClear }: { counts: RuleCounts; cleared: boolean; onClear: () => void }) {
  const rules = Object.keys(counts).sort();
  return (
    <section aria-labelledby="counts-h">
      <h2 id="counts-h">{t('counts_heading')}</h2>
      <p class="hint">{t('counts_explain')}</p>
      {rules.length === 0 ? (
        <p>{cleared ? t('counts_cleared') : t('counts_none')}</p>
      ) : (
        <>
          <div class="table-wrap" tabIndex={0} role="group" aria-labelledby="counts-h">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('counts_rule')}</th>
                  {COUNT_KINDS.map((k) => (
                    <th scope="col" key={k}>
                      {t(COUNT_LABELS[k])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => (
                  <tr key={rule}>
                    <th scope="row">{rule}</th>
                    {COUNT_KINDS.map((k) => (
                      <td key={k}>{counts[rule]?.[k] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" class="secondary" onClick={onClear}>
            {t('counts_clear')}
          </button>
        </>
      )}
    </section>
  );
}

render(<Popup />, document.getElementById('app')!);
