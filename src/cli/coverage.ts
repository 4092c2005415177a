/**
 * `think-twice ruleset coverage ID`: a clause-by-clause map of the policy to the
 * rules that implement it, with the sections deliberately not checked and why,
 * for the IG team's assurance file (Markdown and HTML).
 */
import type { CompiledRuleset } from '../checker/index.js';

export interface CoverageRow {
  section: string;
  heading: string;
  status: 'checked' | 'not checked' | 'gap';
  rules: { id: string; category: string; severity: string }[];
  reason: string;
}

/** Orders "4.4.10" after "4.4.9" and "Appendix B" after numbers. */
function compareSections(a: string, b: string): number {
  const pa = a.split(/[.\s]+/);
  const pb = b.split(/[.\s]+/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    if (x === y) continue;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x.localeCompare(y);
  }
  return 0;
}

export function coverageRows(rs: CompiledRuleset): CoverageRow[] {
  const bySection = new Map<string, CoverageRow['rules']>();
  for (const r of rs.rules) {
    const list = bySection.get(r.clause.section) ?? [];
    list.push({ id: r.id, category: r.category, severity: r.severity });
    bySection.set(r.clause.section, list);
  }
  const rows: CoverageRow[] = rs.coverage.map((c) => {
    const rules = bySection.get(c.section) ?? [];
    bySection.delete(c.section);
    if (!c.checked) return { section: c.section, heading: c.heading, status: 'not checked', rules, reason: c.reason ?? '' };
    return { section: c.section, heading: c.heading, status: rules.length > 0 ? 'checked' : 'gap', rules, reason: rules.length > 0 ? '' : 'marked as checked, but no rule cites this section' };
  });
  for (const [section, rules] of bySection) rows.push({ section, heading: '(not in the section list)', status: 'checked', rules, reason: '' });
  return rows.sort((a, b) => compareSections(a.section, b.section));
}

export function coverageMarkdown(rs: CompiledRuleset): string {
  const rows = coverageRows(rs);
  const count = (s: CoverageRow['status']) => rows.filter((r) => r.status === s).length;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `# Coverage: ${rs.title} (ruleset \`${rs.id}\` v${rs.version})`,
    '',
    `${rows.length} sections: ${count('checked')} checked by rules, ${count('not checked')} deliberately not checked, ${count('gap')} gaps.`,
    '',
    '| section | heading | status | rules | why not checked |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.section)} | ${cell(r.heading)} | ${r.status} | ${r.rules.map((x) => `\`${x.id}\` (${x.category}, ${x.severity})`).join('<br>')} | ${cell(r.reason)} |`),
    '',
  ].join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function coverageHtml(rs: CompiledRuleset): string {
  const rows = coverageRows(rs);
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.status.replace(' ', '-')}"><th scope="row">${escapeHtml(r.section)}</th><td>${escapeHtml(r.heading)}</td><td>${r.status}</td><td>${r.rules
          .map((x) => `<code>${escapeHtml(x.id)}</code> (${escapeHtml(x.category)}, ${x.severity})`)
          .join('<br>')}</td><td>${escapeHtml(r.reason)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Coverage: ${escapeHtml(rs.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1d1d1d}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.4rem;text-align:left;vertical-align:top}
tr.gap{background:#fde8e8}tr.not-checked{background:#f3f3f3}code{font-size:.9em}</style></head>
<body><h1>Coverage: ${escapeHtml(rs.title)}</h1><p>Ruleset <code>${escapeHtml(rs.id)}</code> version ${rs.version}.</p>
<table><thead><tr><th scope="col">Section</th><th scope="col">Heading</th><th scope="col">Status</th><th scope="col">Rules</th><th scope="col">Why not checked</th></tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
