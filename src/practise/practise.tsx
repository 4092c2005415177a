/**
 * The extension's "Practise" page (issue 4): any member of staff can try posts privately,
 * with the same explanations as the trainers' presenter view. The checker runs in this page
 * against the ruleset in force (storage.local `activeRuleset`, written by the background),
 * falling back to the bundled one. Nothing typed here is stored, counted or sent.
 * Page path: src/practise/index.html (chrome-extension://<id>/src/practise/index.html).
 */
import { render } from 'preact';
import { browserApi as browser } from '../shared/browser-api.js';
import { ACTIVE_RULESET_KEY, isActiveRuleset } from '../shared/messages.js';
import { compileRuleset, type CompiledRuleset } from '../checker/ruleset/compile.js';
import { runCheck } from '../checker/engine.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';
import type { Audience, Site } from '../checker/types.js';
import bundled from '../generated/rulesets.json';
import { Explain } from '../practice/Explain.js';

const BUNDLED = bundled as unknown as Record<string, RulesetInput>;
const FALLBACK_ID = BUNDLED.clh ? 'clh' : Object.keys(BUNDLED)[0]!;

const post = document.getElementById('post') as HTMLTextAreaElement;
const where = document.getElementById('where') as HTMLSelectElement;
const source = document.getElementById('source')!;
const panel = document.getElementById('explain')!;

let ruleset: CompiledRuleset | null = null;
let policyTitle = '';
let showFix = false;
let lastText = '';

function use(input: RulesetInput, from: string): void {
  const { ruleset: compiled } = compileRuleset(input);
  if (!compiled) return;
  ruleset = compiled;
  const policy = (input as unknown as { policy?: { title?: string; reference?: string } }).policy;
  policyTitle = [policy?.title ?? compiled.title, policy?.reference].filter(Boolean).join(' ');
  source.textContent = `Checked against ${policyTitle} (${from}).`;
  paint();
}

function paint(): void {
  const text = post.value;
  if (text !== lastText) showFix = false;
  lastText = text;
  const [site, audience] = where.value.split('|') as [Site, Audience];
  const result = ruleset && text.trim() !== '' ? runCheck(ruleset, text, { site, audience }) : null;
  render(
    <Explain
      text={text}
      result={result}
      policyTitle={policyTitle}
      showFix={showFix}
      onShowFix={() => {
        showFix = true;
        paint();
      }}
      onUseFix={() => {
        if (!result) return;
        post.value = result.fixed;
        paint();
      }}
    />,
    panel,
  );
}

post.addEventListener('input', paint);
where.addEventListener('change', paint);
document.getElementById('clear')!.addEventListener('click', () => {
  post.value = '';
  paint();
  post.focus();
});

use(BUNDLED[FALLBACK_ID]!, 'the copy bundled with Think Twice');
browser.storage.local
  .get(ACTIVE_RULESET_KEY)
  .then((stored) => {
    const active = stored[ACTIVE_RULESET_KEY];
    if (isActiveRuleset(active)) use(active.input, `your organisation's ruleset, version ${active.version}`);
  })
  .catch(() => undefined);
browser.storage.onChanged.addListener((changes, area) => {
  const next = changes[ACTIVE_RULESET_KEY]?.newValue;
  if (area === 'local' && isActiveRuleset(next)) use(next.input, `your organisation's ruleset, version ${next.version}`);
});
post.focus();
