/**
 * The checker's public vocabulary. Everything here is plain data so a Result can
 * cross a `runtime.sendMessage` boundary, be printed by the CLI as JSON, and be
 * compared in tests without special handling.
 */

export const SEVERITIES = ['block', 'warn', 'advise'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Verdict = Severity | 'ok';

export const SITES = ['facebook', 'twitter', 'linkedin', 'whatsapp', 'other'] as const;
export type Site = (typeof SITES)[number];

/** Who will see the post, where the page shows it. */
export const AUDIENCES = ['public', 'group', 'direct'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const CATEGORIES = [
  'patient-identifiable',
  'colleague-privacy',
  'confidential-business',
  'security',
  'derogatory',
  'offensive-language',
  'speaking-for-organisation',
  'political',
  'commercial-endorsement',
  'work-email',
  'raising-concerns',
  'safeguarding',
  'clinical-advice',
  'media',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CheckContext {
  site?: Site;
  audience?: Audience;
  /**
   * The checker reads no clock of its own (it must be deterministic); rules with
   * effective/expiry dates are judged against this instant. Defaults to "no date
   * known", under which every dated rule is treated as in force.
   */
  now?: Date;
}

export interface Clause {
  /** Ruleset/policy id, e.g. `clh`. */
  policy: string;
  /** The policy's own title. */
  title: string;
  /** Section number exactly as the policy numbers it, e.g. `4.4.1` or `Appendix B`. */
  section: string;
  /** The clause's own words, verbatim from the policy. */
  quote: string;
  /** One or two plain sentences on why this matters. */
  why: string;
}

export const FIX_KINDS = ['redact', 'replace', 'remove', 'append', 'replace-post'] as const;
export type FixKind = (typeof FIX_KINDS)[number];

export interface Fix {
  kind: FixKind;
  /** Span of the original text that the fix replaces (start === end for an insertion). */
  start: number;
  end: number;
  replacement: string;
  /** Short label for the overlay, e.g. "Remove the NHS number". */
  label: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the text exactly as the user typed it. */
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  match: string;
  clause: Clause;
  message: string;
  /** Welsh `message` and clause `why`, present only when the rule provides them (message_cy, why_cy). */
  messageCy?: string;
  whyCy?: string;
  fix: Fix | null;
}

export interface Result {
  verdict: Verdict;
  findings: Finding[];
  /** The whole text with every non-overlapping fix applied. */
  fixed: string;
}

const SEVERITY_RANK: Record<Verdict, number> = { ok: 0, advise: 1, warn: 2, block: 3 };

export function severityRank(v: Verdict): number {
  return SEVERITY_RANK[v];
}

export function highestVerdict(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  let best: Verdict = 'ok';
  for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
  return best;
}

/** A verdict that must stop a submit and open the overlay. */
export function holdsPost(v: Verdict): boolean {
  return v === 'block' || v === 'warn';
}
