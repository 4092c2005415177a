/**
 * The explanation panel: which words triggered which rule and why, the clause from the
 * trust's own policy, and (a separate step) the fix. Used by the practice site's presenter
 * view and the extension's "Practise" page. Renders a checker Result; computes nothing.
 */
import type { Finding, Result } from '../checker/types.js';
import { CATEGORY_WORDS } from '../shared/categories.js';
import './explain.css';

export interface ExplainProps {
  text: string;
  result: Result | null;
  /** The policy in force, e.g. "Central London Healthcare Social Media Policy v1.0". */
  policyTitle: string;
  showFix: boolean;
  onShowFix(): void;
  /** Put the fixed text into the composer (practice site only). */
  onUseFix?: () => void;
}

const VERDICT_WORDS: Record<Result['verdict'], string> = {
  block: 'Held: this cannot be posted as it is',
  warn: 'Warning: think twice before posting',
  advise: 'A tip, not a warning: this would post',
  ok: 'Nothing found: this would post',
};

/** The text cut into plain and marked pieces; overlapping findings share the first mark. */
function pieces(text: string, findings: readonly Finding[], numberOf: (f: Finding) => number) {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { text: string; finding?: Finding; n?: number }[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), finding: f, n: numberOf(f) });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function Explain({ text, result, policyTitle, showFix, onShowFix, onUseFix }: ExplainProps) {
  if (!result || text.trim() === '') {
    return (
      <section class="tt-explain" aria-live="polite" data-verdict="empty">
        <h2>Why Think Twice would stop this</h2>
        <p class="tt-explain-empty">Type or run a scenario: the words that worry Think Twice, the rule and the clause of {policyTitle} appear here.</p>
      </section>
    );
  }
  // One card per rule, numbered in the order the rules first appear in the text.
  const rules: { rule: string; findings: Finding[] }[] = [];
  for (const f of [...result.findings].sort((a, b) => a.start - b.start)) {
    const entry = rules.find((r) => r.rule === f.rule);
    if (entry) entry.findings.push(f);
    else rules.push({ rule: f.rule, findings: [f] });
  }
  const numberOf = (f: Finding) => rules.findIndex((r) => r.rule === f.rule) + 1;
  const fixes = result.findings.filter((f) => f.fix);
  return (
    <section class="tt-explain" aria-live="polite" data-verdict={result.verdict}>
      <h2>Why Think Twice would stop this</h2>
      <p class={`tt-explain-verdict ${result.verdict}`} data-testid="explain-verdict">
        {VERDICT_WORDS[result.verdict]}
      </p>
      <p class="tt-explain-text">
        {pieces(text, result.findings, numberOf).map((p, i) =>
          p.finding ? (
            <mark key={i} class={p.finding.severity} data-rule={p.finding.rule}>
              {p.text}
              <sup>{p.n}</sup>
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      <ol class="tt-explain-rules">
        {rules.map(({ rule, findings }) => {
          const f = findings[0]!;
          return (
            <li key={rule} class={`tt-explain-rule ${f.severity}`} data-rule={rule}>
              <p class="tt-explain-cat">
                {CATEGORY_WORDS[f.category]} <span class="tt-explain-id">{rule}</span>
              </p>
              <p class="tt-explain-words">
                Triggered by: {findings.map((x, i) => <q key={i}>{x.match}</q>)}
              </p>
              <p class="tt-explain-msg">{f.message}</p>
              <figure class="tt-explain-clause" data-testid="explain-clause">
                <blockquote>{f.clause.quote}</blockquote>
                <figcaption>
                  {f.clause.title}, section {f.clause.section}
                </figcaption>
              </figure>
              <p class="tt-explain-why">Why it matters: {f.clause.why}</p>
            </li>
          );
        })}
      </ol>
      {fixes.length > 0 &&
        (showFix ? (
          <div class="tt-explain-fix" data-testid="explain-fix">
            <h3>The fix</h3>
            <ul>
              {fixes.map((f, i) => (
                <li key={i}>{f.fix!.label}</li>
              ))}
            </ul>
            <p class="tt-explain-fixed">{result.fixed}</p>
            {onUseFix && (
              <button type="button" onClick={onUseFix}>
                Put the fixed text in the composer
              </button>
            )}
          </div>
        ) : (
          <button type="button" class="tt-explain-showfix" onClick={onShowFix}>
            Show the fix (F)
          </button>
        ))}
    </section>
  );
}
