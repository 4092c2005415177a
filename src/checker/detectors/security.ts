import type { Doc } from '../normalise.js';
import { tokenIndexAt } from '../normalise.js';
import { regexSpans, type Span } from './span.js';

/**
 * Keypad, door, gate and key-safe codes: a 3-8 digit number (optionally ending in
 * # or *) with a code word a few words before or after it. "Discount code",
 * "dress code", "code blue", "area code" and the like are not access codes.
 */
const NUMBER = /(?<![\d£$€.,:/])\d{3,8}[#*]?(?![\d%:/]|\.\d|,\d)/g;
const CODE_WORDS = new Set(['code', 'codes', 'keypad', 'keypads', 'keysafe', 'keysafes', 'keycode', 'pin', 'combination', 'combo', 'passcode', 'padlock', 'lock', 'entry', 'access', 'door', 'doors', 'gate']);
const STRONG = new Set(['keypad', 'keypads', 'keysafe', 'keysafes', 'keycode', 'passcode', 'padlock', 'combination', 'combo', 'code', 'codes']);
const NOT_ACCESS = /\b(?:discount|promo|voucher|referral|post|area|dress|bar|zip|sort|tax|country|dial(?:ling)?|source|qr|star|nhs|ods|read|snomed)\s?codes?\b|\bcode\s(?:red|blue|black|amber|green|of\sconduct)\b/i;

export function findAccessCodes(doc: Doc): Span[] {
  const out: Span[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(doc.clean); m; m = NUMBER.exec(doc.clean)) {
    const start = m.index;
    const end = start + m[0].length;
    const ti = tokenIndexAt(doc, start);
    let strong = false;
    let weak = 0;
    for (let i = Math.max(0, ti - 6); i <= Math.min(doc.tokens.length - 1, ti + 3); i++) {
      if (i === ti) continue;
      const key = doc.tokens[i]!.keys[0]!;
      if (STRONG.has(key) || key === 'key' && doc.tokens[i + 1]?.keys[0] === 'safe') strong = true;
      else if (CODE_WORDS.has(key)) weak++;
    }
    if (!strong && weak < 2) continue;
    const around = doc.lower.slice(Math.max(0, start - 40), Math.min(doc.lower.length, end + 20));
    if (NOT_ACCESS.test(around) && !/keypad|keysafe|key safe|door|gate|padlock/.test(around)) continue;
    out.push({ start, end });
  }
  return out;
}

/**
 * Passwords and shared logins: a password/login word followed shortly by
 * something that looks like a secret ("password is Welcome1", "pw: Summer24!",
 * "login (ward4/Nurse123)"). Ordinary words after "password" ("reset", "expired")
 * are not secrets.
 */
const SECRET_INTRO = /\b(?:pass\s?words?|passcodes?|passwd|pwd?|pin|log\s?-?ins?|user\s?names?|wi-?fi(?:\s(?:password|code|key))?|credentials)\b[^\n.]{0,30}?(?:\bis\b|\bare\b|:|=|\(|\bwas\b|\bto\b|\bof\b)\s*["'“‘(]?([A-Za-z0-9!@#$%^&*_+\-/]{4,32})/gi;
const NOT_SECRET = new Set(['reset', 'expired', 'changed', 'change', 'same', 'different', 'default', 'secure', 'strong', 'weak', 'everyone', 'required', 'locked', 'shared', 'written', 'stuck', 'please', 'there', 'their', 'never', 'again', 'still', 'being', 'every', 'the', 'what', 'your', 'mine', 'this', 'that', 'just', 'also', 'same']);

export function findSecrets(doc: Doc): Span[] {
  return regexSpans(SECRET_INTRO, doc.clean, 1, (m) => {
    const secret = m[1] ?? '';
    if (NOT_SECRET.has(secret.toLowerCase())) return false;
    // A secret has a digit, a symbol, or mixed case; a plain lower-case word is usually prose.
    return /\d/.test(secret) || /[!@#$%^&*_+]/.test(secret) || (/[A-Z]/.test(secret.slice(1)) && /[a-z]/.test(secret)) || /^[A-Z][a-z]+\d*$/.test(secret) && /\d/.test(secret);
  });
}
