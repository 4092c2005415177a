import type { Doc } from '../normalise.js';
import type { Span } from './span.js';
import { hasKeywordNear } from './span.js';

/**
 * NHS numbers: ten digits, modulus-11 check digit, never a repdigit. A bare
 * checksum passes for ~9% of random ten-digit strings, so we also need either
 * the NHS's own 3-3-4 grouping or a context word nearby, and reject numbers
 * next to order/invoice/tracking/phone words (Presidio trusts the checksum alone).
 */
const CANDIDATE = /(?<!\d[ .\-/]{0,2})\d(?:[ .\-/\u00a0]{0,2}\d){9}(?![ .\-/\u00a0]{0,2}\d)/g;
const GROUPED_334 = /^\d{3}([ .\-/\u00a0])\d{3}\1\d{4}$/;

const CONTEXT = new Set(['nhs', 'patient', 'patients', 'pt', 'pts', 'dob', 'hospital', 'chi', 'mrn', 'bed', 'ward', 'bay', 'admitted', 'number', 'no', 'num', 'records', 'notes', 'id', 'ref']);
const NOT_NHS = new Set(['order', 'invoice', 'tracking', 'parcel', 'account', 'acct', 'booking', 'phone', 'tel', 'mobile', 'mob', 'call', 'ring', 'text', 'fax', 'sort', 'iban', 'card', 'serial', 'isbn', 'reference', 'confirmation', 'ticket', 'policy', 'claim']);

export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}

export function findNhsNumbers(doc: Doc): Span[] {
  const out: Span[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(doc.clean); m; m = CANDIDATE.exec(doc.clean)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    if (!isValidNhsNumber(digits)) continue;
    const start = m.index;
    const end = start + raw.length;
    if (hasKeywordNear(doc, start, end, NOT_NHS, 4, 1)) continue;
    if (GROUPED_334.test(raw) || hasKeywordNear(doc, start, end, CONTEXT, 6, 3)) out.push({ start, end });
  }
  return out;
}
