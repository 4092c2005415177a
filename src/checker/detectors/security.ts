import type { Doc } from '../normalise.js';
import { tokenIndexAt } from '../normalise.js';
import { foldedText, type Span } from './span.js';

/**
 * Keypad, door, gate and key-safe codes: a 3-8 digit number (digits may be split
 * by dashes or spaces, "4-7-2-1-#"; optionally ending in # or *) with a code word
 * a few words before or after it. "Discount code", "dress code", "code blue",
 * "area code" and the like are not access codes.
 */
const NUMBER = /(?<![\d£$€.,:/]|\d[ -])\d(?:[ -]?\d){2,7}(?:[ -]?[#*])?(?![\d%:/]|\.\d|,\d|[ -]\d)/g;
const CODE_WORDS = new Set(['code', 'codes', 'keypad', 'keypads', 'keysafe', 'keysafes', 'keycode', 'pin', 'combination', 'combo', 'passcode', 'padlock', 'lock', 'locks', 'entry', 'access', 'door', 'doors', 'gate', 'gates', 'safe', 'server', 'room', 'cupboard', 'drug', 'drugs', 'cd', 'store', 'alarm', 'buzzer', 'lockbox', 'locker']);
const STRONG = new Set(['keypad', 'keypads', 'keysafe', 'keysafes', 'keycode', 'keycodes', 'passcode', 'padlock', 'combination', 'combo', 'code', 'codes', 'lockbox', 'doorcode', 'pin']);
const NOT_ACCESS = /\b(?:discount|promo|voucher|referral|post|area|dress|bar|zip|sort|tax|country|dial(?:ling)?|source|qr|star|nhs|ods|read|snomed|tariff|billing|icd|opcs|ward|cad|job|incident|course|module|reference|booking|tracking)\s?(?:codes?|numbers?|no)\b|\bcode\s(?:red|blue|black|amber|green|of\sconduct)\b/i;
const YEAR = /^(?:19|20)\d\d$/;

export function findAccessCodes(doc: Doc): Span[] {
  const out: Span[] = [];
  const text = doc.clean;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/\D/g, '');
    const ti = tokenIndexAt(doc, start);
    const tj = tokenIndexAt(doc, end - 1);
    let strong = false;
    let weak = 0;
    // Look back up to 12 words: "key safe at Greenwich with the vehicle keys is 7 3 1 9",
    // "the changing room door code is the year the hospital opened ... (1984)".
    // A strong code word may come up to 16 words before ("the keypad for the staff room at the back of the
    // building by the bins is 2580"); weak words count only within 8.
    for (let i = Math.max(0, ti - 16); i <= Math.min(doc.tokens.length - 1, tj + 3); i++) {
      if (i >= ti && i <= tj) continue;
      const keys = doc.tokens[i]!.keys;
      if (keys.some((k) => STRONG.has(k)) || (keys.includes('key') && doc.tokens[i + 1]?.keys.includes('safe')) || (keys.includes('safe') && doc.tokens[i - 1]?.keys.includes('key'))) strong = true;
      else if (i >= ti - 8 && keys.some((k) => CODE_WORDS.has(k))) weak++;
    }
    if (!strong && weak < 2) continue;
    // A bare year ("code of practice 2019") needs a strong code word and no date words.
    if (YEAR.test(digits) && !strong) continue;
    const around = doc.lower.slice(Math.max(0, start - 40), Math.min(doc.lower.length, end + 20));
    if (NOT_ACCESS.test(around) && !/keypad|keysafe|key safe|door|gate|padlock/.test(around)) continue;
    out.push({ start, end });
  }
  return out;
}

/**
 * Passwords and shared logins: a password/login word followed within a few words
 * by something shaped like a secret ("password is Welcome1", "pw: Summer24!",
 * "login is still the default, ambulance1", "lееdsbi / Wіnter2020!"). Ordinary
 * words after "password" ("reset", "expired") are not secrets, and a secret must
 * have a digit, a symbol or mixed case.
 */
const SECRET_INTRO = /\b(?:pass\s?words?|passcodes?|passwd|pwd?|p\/w|log\s?-?ins?|user\s?names?|usernames?|wi-?fi|wifi|credentials|logon|sign\s?in)\b/gi;
const CANDIDATE = /[A-Za-z0-9!@#$%^&*_+\-]{4,32}/g;
const NOT_SECRET = new Set(['reset', 'expired', 'changed', 'change', 'same', 'different', 'default', 'secure', 'strong', 'weak', 'everyone', 'required', 'locked', 'shared', 'written', 'stuck', 'please', 'there', 'their', 'never', 'again', 'still', 'being', 'every', 'what', 'your', 'mine', 'this', 'that', 'just', 'also', 'two-step', '2-step', 'covid-19', 'nhs111', 'a-z', 'wi-fi']);
const STOP = /[\n]|[.?!](?:\s|$)/;

export function findSecrets(doc: Doc): Span[] {
  const text = foldedText(doc);
  const out: Span[] = [];
  SECRET_INTRO.lastIndex = 0;
  for (let m = SECRET_INTRO.exec(text); m; m = SECRET_INTRO.exec(text)) {
    const from = m.index + m[0].length;
    let windowText = text.slice(from, from + 60);
    const stop = STOP.exec(windowText);
    if (stop) windowText = windowText.slice(0, stop.index);
    CANDIDATE.lastIndex = 0;
    let words = 0;
    for (let c = CANDIDATE.exec(windowText); c && words < 9; c = CANDIDATE.exec(windowText)) {
      words++;
      const secret = c[0].replace(/^[-_]+|[-_]+$/g, '');
      if (secret.length < 4 || NOT_SECRET.has(secret.toLowerCase())) continue;
      // Hyphenated ordinary words ("non-NHS", "e-Learning", "Wi-Fi") are not secrets.
      if (/^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(secret) && secret.split('-').every((p) => /^(?:[A-Z]+|[A-Za-z][a-z]*)$/.test(p))) continue;
      const hasDigit = /\d/.test(secret);
      const hasLetter = /[A-Za-z]/.test(secret);
      const symbol = /[!@#$%^&*_+]/.test(secret);
      const mixed = /[A-Z]/.test(secret.slice(1)) && /[a-z]/.test(secret);
      // Times, years and counts ("in 2019", "10am") are not secrets: need a letter too, unless it is a long digit PIN.
      if ((hasDigit && hasLetter && !/^\d+(?:am|pm|st|nd|rd|th|s|mins?|hrs?|yo)$/i.test(secret)) || (symbol && hasLetter) || mixed) {
        const start = from + c.index + c[0].indexOf(secret);
        if (!out.some((o) => o.start === start)) out.push({ start, end: start + secret.length });
        break;
      }
    }
  }
  return out;
}
