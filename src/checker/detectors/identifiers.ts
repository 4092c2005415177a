import type { Doc } from '../normalise.js';
import { foldedText, regexSpans, type Span } from './span.js';

/**
 * Full UK postcodes in the official format (outward + inward code), with or
 * without the space. The inward code never uses C, I, K, M, O, V, which is what
 * keeps a dose such as "B12 5MG" from looking like a postcode.
 */
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

const POSTCODE_WHOLE = new RegExp(`^${POSTCODE.source.replace('\\b(?:', '(?:').replace(')\\b', ')')}$`, 'i');
/** Capital letters and digits typed one by one ("L S 9  7 D R", "E 2  7 Q G"), checked as a postcode once the spaces go. */
const SPACED_POSTCODE = /(?<!(?:^|[^A-Za-z0-9])[A-Za-z0-9] {1,2})(?<![A-Za-z0-9])[A-Z](?: {1,2}[A-Z0-9]){4,6}(?! ?[A-Za-z0-9])/g;

export function findPostcodes(doc: Doc): Span[] {
  // Lower-case postcodes are rare in prose and collide with words; accept them only when fully lower or fully upper.
  const plain = regexSpans(POSTCODE, doc.clean, 0, (m) => m[0] === m[0].toUpperCase() || m[0] === m[0].toLowerCase());
  const spaced = regexSpans(SPACED_POSTCODE, doc.clean, 0, (m) => {
    const compact = m[0].replace(/ /g, '');
    return compact.length >= 5 && compact.length <= 7 && POSTCODE_WHOLE.test(compact.slice(0, -3) + ' ' + compact.slice(-3));
  });
  return [...plain, ...spaced.filter((s) => !plain.some((p) => p.start < s.end && p.end > s.start))];
}

/** UK phone numbers: +44 or 0, then 9-10 more digits with common separators. */
const PHONE = /(?<![\d+])(?:\+44[\s.\-]?(?:\(0\)[\s.\-]?)?|\(?0)\d(?:[\s.\-)]{0,2}\d){8,9}(?![\s.\-]?\d)/g;

export function findPhoneNumbers(doc: Doc): Span[] {
  return regexSpans(PHONE, doc.clean, 0, (m) => {
    const digits = m[0].replace(/\D/g, '').replace(/^440?/, '0');
    return /^0[1-37-9]\d{8,9}$/.test(digits) && digits.length >= 10 && digits.length <= 11;
  });
}

// Bounded quantifiers keep this linear (common e-mail regexes backtrack for seconds on crafted input).
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}/gi;
const NHS_DOMAIN = /@(?:[a-z0-9-]+\.)*(?:nhs\.net|nhs\.uk|nhs\.scot|hscni\.net)$/i;

/**
 * Addresses typed to dodge scrapers: "jo.bloggs (at) nhs (dot) net",
 * "emyr.davies @ wales . nhs . uk", "jo[at]nhs[dot]net". Only accepted when the
 * domain ends in a real top-level domain, so "meet at the pub" never matches.
 */
const AT = String.raw`(?:\s{0,2}@\s{0,2}|\s{0,2}[(\[{<]\s?at\s?[)\]}>]\s{0,2})`;
const DOT = String.raw`(?:\s{0,2}\.\s{0,2}|\s{0,2}[(\[{<]\s?dot\s?[)\]}>]\s{0,2}|\s(?:dot|DOT)\s)`;
const OBFUSCATED_EMAIL = new RegExp(String.raw`(?<![\w.%+-])[\w.%+-]{1,64}${AT}[a-z0-9-]{1,63}(?:${DOT}[a-z0-9-]{1,63}){1,5}`, 'gi');
const TLD = /(?:net|uk|com|org|scot|gov|ac|co|io|wales|cymru|ie|info|edu)$/i;

export function findEmails(doc: Doc): Span[] {
  const plain = regexSpans(EMAIL, doc.clean);
  const odd = regexSpans(OBFUSCATED_EMAIL, doc.clean, 0, (m) => {
    if (!/\s|[(\[{<]/.test(m[0])) return false;
    // "@ home" or "at the" with no dotted domain is prose; a real domain ends in a TLD.
    return TLD.test(m[0]) && /(?:\.|dot)/i.test(m[0].slice(m[0].search(/@|[(\[{<]\s?at/i)));
  });
  return [...plain, ...odd.filter((o) => !plain.some((p) => p.start < o.end && p.end > o.start))];
}

/** The domain of an address however it was typed: "nhs (dot) net" -> "nhs.net". */
function canonicalEmail(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s?[(\[{<]\s?dot\s?[)\]}>]\s?|\sdot\s/g, '.')
    .replace(/\s?[(\[{<]\s?at\s?[)\]}>]\s?|\sat\s/g, '@')
    .replace(/\s+/g, '')
    .replace(/[.,;:]+$/, '');
}

/** Work addresses: nhs.net, *.nhs.uk (including *.wales.nhs.uk), nhs.scot, hscni.net. */
export function findNhsEmails(doc: Doc): Span[] {
  return findEmails(doc).filter((s) => NHS_DOMAIN.test(canonicalEmail(doc.clean.slice(s.start, s.end))));
}

/**
 * Hospital/local patient numbers: an identifier introduced by MRN, hospital
 * number, unit number, patient id, case-note number; or a trust-prefixed id
 * (an ODS trust code such as RTD or RXN directly followed by 6-8 digits).
 */
const LABELLED_ID = /\b(?:mrn|m\.r\.n\.?|hosp(?:ital)?\.? ?(?:no|num|number|#)|unit ?(?:no|num|number|#)|patient ?(?:id|no|num|number|#)|pt ?(?:id|no|#)|case ?notes? ?(?:no|number)|rxn|k ?number)\b\.?\s*(?:is|=|:|-|#)?\s*([a-z]{0,3}\d[\d\s-]{3,12}\d[a-z]?)\b/gi;
const TRUST_PREFIXED = /\bR[A-Z0-9]{2}[\s-]?\d{6,8}\b/g;

export function findHospitalNumbers(doc: Doc): Span[] {
  return [...regexSpans(LABELLED_ID, doc.clean, 1), ...regexSpans(TRUST_PREFIXED, doc.clean)];
}

/** Where a patient lies: bed 4, bay C, side room 2, cubicle 5, resus 2, bed 4 bay 3. */
const BED = /\b(?:bed|bay|side ?room|sr|cubicle|cubie|cube|resus|majors|minors|trolley|chair|cot|incubator|room)\s?(?:no\.?|number|#)?\s?(?:\d{1,3}[a-z]?|[a-h])\b(?!\s?(?:am|pm|mins?|minutes|hours?|hrs|days?|weeks?|months?|years?|%|mg|ml)\b)/gi;

export function findBedReferences(doc: Doc): Span[] {
  return regexSpans(BED, doc.clean, 0, (m) => {
    // "a chair", "room a" style articles are not references.
    return !/\s(?:a)$/i.test(m[0]) || /^(?:bay|bed|cubicle)/i.test(m[0]);
  });
}

/** Ages: 91-year-old, 91 yrs old, 91yo, aged 91, in her 90s, a 3 week old. */
const AGE = /\b(?:aged?\s\d{1,3}\b|\d{1,3}\s?-?\s?(?:years?|yrs?|yr|y|months?|mo|weeks?|wks?|days?)\s?-?\s?old\b|\d{1,3}\s?(?:yo|y\/o|y\.o\.?|yr\/o)\b|in\s(?:his|her|their)\s(?:early\s|mid\s|mid-|late\s)?\d0s\b)/gi;

export function findAges(doc: Doc): Span[] {
  return regexSpans(AGE, doc.clean, 0, (m) => {
    const n = Number(/\d{1,3}/.exec(m[0])?.[0] ?? '0');
    return n <= 120;
  });
}

/**
 * People named or pointed at: a title with a name or initial ("Mrs K",
 * "Mr Okonkwo", "Dr. Shah"), "RIP Jack", or someone identified by where they lie
 * ("the lad in bed 4", "the old dear in bay C").
 */
const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sister|Prof|Professor|Nurse|Councillor|Cllr)\.?\s(?:[A-Z][a-zA-Z'’-]+|[A-Z]\b\.?)(?:\s[A-Z][a-zA-Z'’-]+)?/g;
const RIP = /\bRIP\s[A-Z][a-z]+\b/g;
const BY_BED = /\b(?:the|this|that|our|an?)\s(?:(?:old|young|little|elderly|lovely|poor|sweet|angry|drunk)\s)?(?:lad|lady|gent|gentleman|man|woman|fella|fellow|chap|girl|boy|guy|bloke|dear|kid|baby|child|mum|mother|dad|father|patient|pt|lass|granny|grandad|nan|grandma|grandpa|sir)\s(?:in|on|from)\s(?:bed|bay|side ?room|cubicle|resus|room|majors|minors)\s?(?:\d{1,3}[a-z]?|[a-h])?\b/gi;

export function findNamedPeople(doc: Doc): Span[] {
  return [...regexSpans(TITLED, doc.clean), ...regexSpans(RIP, doc.clean), ...regexSpans(BY_BED, doc.clean)];
}
