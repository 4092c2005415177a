import type { Doc } from '../normalise.js';
import type { Span } from './span.js';
import { hasKeywordNear } from './span.js';

/**
 * NHS numbers: ten digits, modulus-11 check digit, never a repdigit. A bare
 * checksum passes for ~9% of random ten-digit strings, so we also need either
 * the NHS's own 3-3-4 grouping (any separator: "943 476 5919", "943-476-5919",
 * "6 4 6 - 3 3 8 - 2 6 0 4"), digits split one by one ("9.4.3.4.7.6.5.9.1.9",
 * which only someone dodging a filter types), or a context word nearby, and
 * reject numbers next to order/invoice/tracking/phone words (Presidio trusts the
 * checksum alone). A letter O typed for a zero ("4O8 4O6 43OO") counts as a zero
 * when the number is otherwise NHS-shaped.
 */
const CANDIDATE = /(?<!\d[ .\-/\u00a0]{0,3}|[A-Za-z])\d(?:[ .\-/\u00a0]{0,3}[\dOo]){9}(?![ .\-/\u00a0]{0,3}\d|[A-Za-z])/g;

const CONTEXT = new Set(['nhs', 'nhsno', 'nhsnumber', 'patient', 'patients', 'pt', 'pts', 'dob', 'hospital', 'chi', 'mrn', 'bed', 'ward', 'bay', 'trolley', 'admitted', 'number', 'no', 'num', 'records', 'record', 'notes', 'id', 'spine', 'pds', 'emis', 'systmone', 'trakcare', 'epr', 'gp', 'merged', 'registered']);
const NOT_NHS = new Set(['order', 'orders', 'invoice', 'tracking', 'parcel', 'account', 'acct', 'booking', 'phone', 'tel', 'mobile', 'mob', 'call', 'ring', 'text', 'fax', 'sort', 'iban', 'card', 'serial', 'isbn', 'reference', 'ref', 'confirmation', 'ticket', 'policy', 'claim', 'repay', 'delivery', 'courier', 'amazon', 'argos', 'tesco', 'ebay', 'voucher', 'receipt', 'transaction', 'payment', 'flight', 'membership', 'customer', 'vat', 'company', 'charity']);
/** "N H S n o 4 0 6 ..." is one token once the letters are rejoined; read the letters just before the digits instead. */
const CONTEXT_BEFORE = /(?:nhs|n\.?h\.?s\.?no|patient|pt|dob|number|no|num|hosp)\W{0,4}$/;

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

/** Lengths of the digit groups, split at the strongest separator used. */
function groups(raw: string): number[] {
  const strong = raw.replace(/[ \u00a0]/g, '');
  const parts = /[.\-/]/.test(strong) ? strong.split(/[.\-/]+/) : raw.split(/[ \u00a0]+/);
  return parts.map((p) => p.length);
}

const isSeparator = (c: number) => c === 32 || c === 46 || c === 45 || c === 47 || c === 0xa0;
const isDigitLike = (c: number) => (c >= 48 && c <= 57) || c === 79 || c === 111;

/**
 * Stretches of the text that hold at least ten digits (or O's) with at most three
 * separators between them: the only places an NHS number can be. One cheap pass
 * keeps the candidate regex off the rest of a long post.
 */
function digitStretches(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  let last = -1;
  let digits = 0;
  const close = () => {
    if (start >= 0 && digits >= 10) out.push([Math.max(0, start - 4), Math.min(text.length, last + 5)]);
    start = -1;
    digits = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigitLike(c)) {
      if (start >= 0 && i - last > 4) close();
      if (start < 0) start = i;
      last = i;
      digits++;
    } else if (!isSeparator(c) && start >= 0) close();
  }
  close();
  return out;
}

export function findNhsNumbers(doc: Doc): Span[] {
  const out: Span[] = [];
  const text = doc.clean;
  for (const [from, to] of digitStretches(text)) collectNhsNumbers(doc, text, from, to, out);
  return out;
}

function collectNhsNumbers(doc: Doc, text: string, from: number, to: number, out: Span[]): void {
  CANDIDATE.lastIndex = from;
  for (let m = CANDIDATE.exec(text); m && m.index < to; m = CANDIDATE.exec(text)) {
    const raw = m[0];
    const letters = (raw.match(/[Oo]/g) ?? []).length;
    if (letters > 4) continue;
    const digits = raw.replace(/[Oo]/g, '0').replace(/\D/g, '');
    if (!isValidNhsNumber(digits)) continue;
    const start = m.index;
    const end = start + raw.length;
    if (hasKeywordNear(doc, start, end, NOT_NHS, 8, 1)) continue;
    const g = groups(raw);
    const grouped = g.length === 3 && g[0] === 3 && g[1] === 3 && g[2] === 4;
    const splitOneByOne = g.length === 10;
    const context = hasKeywordNear(doc, start, end, CONTEXT, 6, 3) || CONTEXT_BEFORE.test(doc.lower.slice(Math.max(0, start - 24), start).replace(/\s+/g, ''));
    if (letters > 0 ? context : grouped || splitOneByOne || context) out.push({ start, end });
  }
}
