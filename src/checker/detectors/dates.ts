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
const DOB_INTRO = /(?:\bd\W{0,3}o\W{0,3}b\b|\bdate\sof\sbirth|\bborn(?:\son)?)\W{0,4}(?=\d)/g;
const NUMERIC_DATE = /^(?:0?[1-9]|[12]\d|3[01])([/.\-]?)(?:0?[1-9]|1[0-2])\1(?:19\d\d|20\d\d|\d\d)/;

/** "DOB 09 08 1952", "D O B 0 3 / 1 1 / 1 9 8 7": a date typed with spaces right after a birth word. */
function spacedDatesOfBirth(doc: Doc): Span[] {
  const out: Span[] = [];
  DOB_INTRO.lastIndex = 0;
  for (let m = DOB_INTRO.exec(doc.lower); m; m = DOB_INTRO.exec(doc.lower)) {
    const from = m.index + m[0].length;
    const run = /^[\d][\d \u00a0/.\-]{0,28}\d/.exec(doc.clean.slice(from, from + 32));
    if (!run) continue;
    // Map each kept digit/separator back to its offset so the span ends on the date's last character.
    let compact = '';
    const at: number[] = [];
    for (let i = 0; i < run[0].length; i++) {
      const ch = run[0][i]!;
      if (ch === ' ' || ch === '\u00a0') continue;
      compact += ch;
      at.push(from + i);
    }
    // Spaces alone as separators: "09 08 1952" -> "09081952" reads as ddmmyyyy.
    const date = NUMERIC_DATE.exec(compact);
    if (!date) continue;
    out.push({ start: at[0]!, end: at[date[0].length - 1]! + 1 });
  }
  return out;
}

/** Every date of birth needs a birth word ("DOB", "d.o.b.", "born", "birthday", "b."): without one, skip the date scans. */
function mentionsBirth(doc: Doc): boolean {
  for (const t of doc.tokens) if (DOB_WORDS.has(t.keys[0]!)) return true;
  DOB_INTRO.lastIndex = 0;
  return DOB_INTRO.test(doc.lower) || doc.lower.includes('date of birth');
}

export function findDatesOfBirth(doc: Doc): Span[] {
  if (!mentionsBirth(doc)) return [];
  const spacedHits = spacedDatesOfBirth(doc);
  const spaced = new Set(spacedHits);
  const years = regexSpans(YEAR_ONLY, doc.clean);
  const yearSet = new Set(years);
  const candidates = [...spacedHits, ...findDates(doc), ...years];
  const out: Span[] = [];
  for (const s of candidates) {
    if (out.some((o) => s.start < o.end && s.end > o.start)) continue;
    if (spaced.has(s)) {
      out.push(s);
      continue;
    }
    const before = doc.lower.slice(Math.max(0, s.start - 16), s.start);
    // A bare year is only a date of birth when labelled as one ("DOB 1956"); "born in 1980" is usually the poster.
    if (yearSet.has(s)) {
      if (/d\.?\s?o\.?\s?b\.?\W*$|date of birth\W*$/.test(before)) out.push(s);
      continue;
    }
    if (/d\.?\s?o\.?\s?b\.?\W*$|date of birth\W*$/.test(before) || hasKeywordNear(doc, s.start, s.end, DOB_WORDS, 3, 0)) out.push(s);
  }
  return out;
}
