/** Human-readable rendering of a check result for the terminal. */
import type { Finding, Result } from '../checker/index.js';

const SYMBOL: Record<Finding['severity'], string> = { block: '✖ BLOCK', warn: '⚠ WARN', advise: 'ℹ ADVICE' };

/** Marks the offending words: inverse video on a terminal, »like this« otherwise. */
export function markText(text: string, findings: readonly Finding[], colour: boolean): string {
  const spans = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += text.slice(at, f.start);
    const words = text.slice(f.start, f.end);
    out += colour ? `\x1b[7m${words}\x1b[27m` : `»${words}«`;
    at = f.end;
  }
  return out + text.slice(at);
}

function indent(s: string, by = '    '): string {
  return s
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

export function formatResult(text: string, result: Result, colour: boolean): string {
  const lines: string[] = [];
  const verdict = result.verdict === 'ok' ? 'OK — nothing in this post breaks the policy.' : `Verdict: ${result.verdict.toUpperCase()}`;
  lines.push(verdict);
  if (result.findings.length === 0) return lines.join('\n');
  lines.push('', indent(markText(text, result.findings, colour), '  '), '');
  for (const f of result.findings) {
    lines.push(`${SYMBOL[f.severity]}  ${f.category}  "${f.match}"  (${f.rule})`);
    lines.push(indent(f.message));
    lines.push(indent(`${f.clause.title}, section ${f.clause.section}:`));
    lines.push(indent(`“${f.clause.quote}”`, '      '));
    lines.push(indent(`Why it matters: ${f.clause.why}`));
    if (f.fix) {
      const before = f.fix.kind === 'append' ? '(end of post)' : `"${text.slice(f.fix.start, f.fix.end)}"`;
      lines.push(indent(`Fix — ${f.fix.label}: ${before} → "${f.fix.replacement.trim()}"`));
    }
    lines.push('');
  }
  if (result.fixed !== text) lines.push('With every fix applied:', indent(result.fixed, '  '));
  return lines.join('\n');
}
