/**
 * "This warning is wrong": what goes to the IG team, and only if the person sends it from
 * their own mail program. Rule id, ruleset version and site; the post text only when the
 * person ticked the box.
 */
import { t } from './i18n.js';

export interface WrongReport {
  rule: string;
  rulesetId: string;
  rulesetVersion: number | string;
  site: string;
  /** The post text: pass it only when the person chose to include it. */
  text?: string | null;
}

export function isEmailContact(contact: string): boolean {
  return /^[^\s@/:]+@[^\s@]+\.[^\s@]+$/.test(contact);
}

/** A link for the contact: mailto: for an e-mail address, the page itself for https://. */
export function contactHref(contact: string): string | null {
  if (isEmailContact(contact)) return `mailto:${contact}`;
  return /^https:\/\/\S+$/.test(contact) ? contact : null;
}

export function reportBody(r: WrongReport): string {
  const lines = [t('report_rule', r.rule), t('report_ruleset', r.rulesetId, String(r.rulesetVersion)), t('report_site', r.site)];
  if (r.text) lines.push('', t('report_text'), r.text);
  lines.push('', t('report_why'), '');
  return lines.join('\n');
}

/** The report as a link: a mailto: with subject and body, or the IG team's own page. */
export function reportHref(contact: string | null, r: WrongReport): string | null {
  if (!contact) return null;
  if (!isEmailContact(contact)) return contactHref(contact);
  const q = `subject=${encodeURIComponent(t('report_subject', r.rule))}&body=${encodeURIComponent(reportBody(r))}`;
  return `mailto:${contact}?${q}`;
}
