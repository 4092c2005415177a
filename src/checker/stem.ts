/**
 * A deliberately light English stemmer for word lists: plural and possessive -s,
 * -es, -ies, and -ed / -ing, with a final silent e dropped on longer words so
 * "nurse", "nurses" and "nursing" meet. Porter-style stemmers go further and conflate words that
 * matter apart here ("news" and "new", "general" and "generous", "organisation"
 * and "organ"), so this one only undoes inflection and keeps stems of 3+ letters.
 */
const KEEP = new Set([
  'news', 'is', 'was', 'has', 'his', 'this', 'us', 'bus', 'yes', 'gas', 'as', 'its', 'thus', 'plus', 'less', 'unless', 'series', 'species',
  'always', 'perhaps', 'whereas', 'across', 'chaos', 'lens', 'means', 'christmas', 'covid', 'during', 'thing', 'things', 'nothing', 'something',
  'anything', 'everything', 'morning', 'evening', 'bring', 'sing', 'king', 'ring', 'wing', 'sling', 'string', 'spring', 'sting', 'swing',
  'ceiling', 'darling', 'ping', 'ling', 'bed', 'red', 'shed', 'fed', 'wed', 'led', 'need', 'feed', 'seed', 'weed', 'speed', 'bleed', 'breed',
  'hundred', 'sacred', 'naked', 'wicked', 'wretched',
]);
const DOUBLE = /([bdfgkmnprt])\1$/;

const cache = new Map<string, string>();

export function stem(word: string): string {
  if (word.length < 4 || KEEP.has(word) || !/^[a-z]+$/.test(word)) return word;
  let s = cache.get(word);
  if (s !== undefined) return s;
  s = computeStem(word);
  if (cache.size > 50_000) cache.clear();
  cache.set(word, s);
  return s;
}

function computeStem(w: string): string {
  let s = w;
  if (/(ss|us|is|ous)$/.test(s)) return s;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('ied') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(ches|shes|xes|sses|zes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  else if (s.endsWith('ing') && s.length - 3 >= 3) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length - 2 >= 3) s = s.slice(0, -2);
  else if (s.endsWith('en') && s.length > 5 && /(?:tak|giv|writ|driv|brok|chos|spok|stol|forgott|beat|eat|fall|hidd)en$/.test(s)) s = s.slice(0, -2);
  if (s !== w && DOUBLE.test(s)) s = s.slice(0, -1);
  // Drop a final silent e so "nurse"/"nurses"/"nursing" share a stem; only on longer words,
  // since short ones collide ("note"/"not", "care"/"car", "hate"/"hat").
  if (s.endsWith('e') && s.length >= 5 && !s.endsWith('ee')) s = s.slice(0, -1);
  return s.length >= 3 ? s : w;
}
