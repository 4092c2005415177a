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
      // Take one neighbouring space with the removed words so no double space is left
      // behind: the one before (so two removals side by side do not overlap), or the
      // one after when the words open the post or a line.
      let s = start;
      let e = end;
      if (s > 0 && text[s - 1] === ' ') s--;
      else if (text[e] === ' ') e++;
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
  if (fixes.length === 0) return text;
  const whole = fixes.find((f) => f.fix.kind === 'replace-post');
  if (whole && !fixes.some((f) => severityRank(f.severity) > severityRank(whole.severity))) return whole.fix.replacement;
  // Chosen span fixes, kept sorted by start so an overlap test is a binary search
  // (a hostile paste can carry thousands of findings).
  const spans: Fix[] = [];
  const appends: Fix[] = [];
  const appended = new Set<string>();
  const overlapsChosen = (fix: Fix): boolean => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid]!.start < fix.start) lo = mid + 1;
      else hi = mid;
    }
    const before = spans[lo - 1];
    const after = spans[lo];
    return (before !== undefined && before.end > fix.start) || (after !== undefined && after.start < fix.end) || (after !== undefined && after.start === fix.start);
  };
  for (const { fix } of fixes) {
    if (fix.kind === 'replace-post') continue;
    if (fix.kind === 'append') {
      if (!appended.has(fix.replacement.trim())) {
        appended.add(fix.replacement.trim());
        appends.push(fix);
      }
      continue;
    }
    if (overlapsChosen(fix)) continue;
    let at = spans.length;
    while (at > 0 && spans[at - 1]!.start > fix.start) at--;
    spans.splice(at, 0, fix);
  }
  // Rebuild left to right in one pass.
  let out = '';
  let pos = 0;
  for (const f of spans) {
    out += text.slice(pos, f.start) + f.replacement;
    pos = f.end;
  }
  out += text.slice(pos);
  for (const f of appends) out += /\s$/.test(out) || /^\s/.test(f.replacement) || out.length === 0 ? f.replacement.replace(/^ /, out.length === 0 ? '' : ' ') : ` ${f.replacement.trimStart()}`;
  return out;
}
