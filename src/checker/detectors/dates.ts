import type { Doc } from '../normalise.js';
import { regexSpans, hasKeywordNear, type Span } from './span.js';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const YEAR = "(?:19\\d\\d|20\\d\\d|'?\\d\\d)";

/** Full dates with a year: 12/03/1956, 12.3.56, 12-03-1956, 12th March 1956, March 12, 1956, 12 Mar '56. */
const FULL_DATE = new RegExp(
  [
    `\\b${DAY}[/.\\-](?:0?[1-9]|1[0-2])[/.\\-]${YEAR}\\b`,
    `\\b${DAY}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+${YEAR}\\b`,
    `\\b(?:${MONTHS})\\.?\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`,
  ].join('|'),
  'gi',
);
const YEAR_ONLY = /\b(?:19|20)\d\d\b/g;
const DOB_WORDS = new Set(['dob', 'born', 'birth', 'birthday', 'bday', 'b']);

export function findDates(doc: Doc): Span[] {
  return regexSpans(FULL_DATE, doc.clean);
}

/**
 * Dates of birth: a full date, or a bare year, with a birth word just before it
 * ("DOB 12.3.56", "d.o.b. 1956", "born 12th March 1956"). A date without such a
 * word is only a date; rules combine `date` with patient context where needed.
 */
export function findDatesOfBirth(doc: Doc): Span[] {
  const candidates = [...findDates(doc), ...regexSpans(YEAR_ONLY, doc.clean)];
  const out: Span[] = [];
  for (const s of candidates) {
    if (out.some((o) => s.start >= o.start && s.end <= o.end)) continue;
    const before = doc.lower.slice(Math.max(0, s.start - 16), s.start);
    if (/d\.?\s?o\.?\s?b\.?\W*$|date of birth\W*$/.test(before) || hasKeywordNear(doc, s.start, s.end, DOB_WORDS, 3, 0)) out.push(s);
  }
  return out;
}
