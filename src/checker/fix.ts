/**
 * Fixes that keep the poster's meaning: redact or generalise an identifier,
 * remove an insult, swap a claim to speak for the trust for a personal one,
 * append a disclaimer, or replace the post with a pointer to the proper route.
 */
import type { CompiledFix } from './ruleset/compile.js';
import { severityRank, type Finding, type Fix } from './types.js';

export function fixFor(fix: CompiledFix, text: string, start: number, end: number): Fix {
  switch (fix.action) {
    case 'append': {
      const body = fix.text;
      const sep = text.length === 0 || /\s$/.test(text) || /^\s/.test(body) ? '' : ' ';
      return { kind: 'append', start: text.length, end: text.length, replacement: sep + body, label: fix.label };
    }
    case 'replace-post':
      return { kind: 'replace-post', start: 0, end: text.length, replacement: fix.text, label: fix.label };
    case 'remove': {
      // Take one neighbouring space with the removed words so no double space is left behind.
      let s = start;
      let e = end;
      if (text[e] === ' ' && (s === 0 || text[s - 1] === ' ' || text[s - 1] === '\n')) e++;
      else if (s > 0 && text[s - 1] === ' ') s--;
      return { kind: 'remove', start: s, end: e, replacement: '', label: fix.label };
    }
    case 'redact':
    case 'replace':
      return { kind: fix.action, start, end, replacement: fix.text, label: fix.label };
  }
}

/** Applies every fix that does not overlap a more severe one; identical appends once. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings
    .filter((f): f is Finding & { fix: Fix } => f.fix !== null)
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.fix.start - b.fix.start);
  const whole = fixes.find((f) => f.fix.kind === 'replace-post');
  if (whole && !fixes.some((f) => severityRank(f.severity) > severityRank(whole.severity))) return whole.fix.replacement;
  const chosen: Fix[] = [];
  const appended = new Set<string>();
  for (const { fix } of fixes) {
    if (fix.kind === 'replace-post') continue;
    if (fix.kind === 'append') {
      if (appended.has(fix.replacement.trim())) continue;
      appended.add(fix.replacement.trim());
      chosen.push(fix);
      continue;
    }
    if (chosen.some((c) => c.kind !== 'append' && fix.start < c.end && c.start < fix.end)) continue;
    chosen.push(fix);
  }
  chosen.sort((a, b) => b.start - a.start || (a.kind === 'append' ? 1 : -1));
  let out = text;
  for (const f of chosen) out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
  return out;
}
