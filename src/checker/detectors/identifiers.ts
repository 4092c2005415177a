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
/** "claire.hutchinson12 at nhs dot net": a bare "at", kept apart so prose ("email me at ...") cannot hide a real address. */
const BARE_AT_EMAIL = new RegExp(String.raw`(?<![\w.%+-])[\w.%+-]{1,64}\s(?:at|AT)\s[a-z0-9-]{1,63}(?:${DOT}[a-z0-9-]{1,63}){1,5}`, 'gi');
const TLD = /(?:net|uk|com|org|scot|gov|ac|co|io|wales|cymru|ie|info|edu)$/i;

// Both e-mail detectors need the same scan; do it once per post.
const emailsByDoc = new WeakMap<Doc, Span[]>();
const AT_SIGN_OR_WORD = /@|[(\[{<]\s?at\s?[)\]}>]|\sat\s/i;

export function findEmails(doc: Doc): Span[] {
  let found = emailsByDoc.get(doc);
  if (!found) emailsByDoc.set(doc, (found = scanEmails(doc)));
  return found;
}

function scanEmails(doc: Doc): Span[] {
  // Every address, plain or disguised, has an @ or a bracketed "at": skip the scan without one.
  if (!AT_SIGN_OR_WORD.test(doc.clean)) return [];
  const plain = doc.clean.includes('@') ? regexSpans(EMAIL, doc.clean) : [];
  const odd = regexSpans(OBFUSCATED_EMAIL, doc.clean, 0, (m) => {
    if (!/\s|[(\[{<]/.test(m[0])) return false;
    // "@ home" or "at the" with no dotted domain is prose; a real domain ends in a TLD.
    if (!TLD.test(m[0]) || !/(?:\.|dot)/i.test(m[0].slice(m[0].search(/@|[(\[{<]\s?at/i)))) return false;
    return true;
  });
  // A bare " at " reads like prose ("advice at nhs.uk"): only when the name part looks like an
  // address (a dot, underscore or digit) or the domain is spelt out with "dot".
  const bare = regexSpans(BARE_AT_EMAIL, doc.clean, 0, (m) => {
    const at = m[0].search(/\sat\s/i);
    const domain = m[0].slice(at + 4);
    const ok = TLD.test(m[0]) && /(?:\.|dot)/i.test(domain) && (/[._\d]/.test(m[0].slice(0, at)) || /\sdot\s/i.test(domain));
    // "email me at jo.bloggs at nhs dot net": a rejected match may hide the real address just after its "at".
    if (!ok) BARE_AT_EMAIL.lastIndex = m.index + at + 4;
    return ok;
  });
  const found = [...plain, ...odd.filter((o) => !plain.some((p) => p.start < o.end && p.end > o.start))];
  return [...found, ...bare.filter((b) => !found.some((p) => p.start < b.end && p.end > b.start))];
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

/** "Margaret Ellison, 94," / "Christmas, 91, his COPD": a lone number between commas after a word. */
const AGE_APPOSITION = /(?<=[A-Za-z][a-z'’]*,\s?)(\d{1,3})(?=\s?[,;(]|\s(?:and|with|from|who|was|is|has|had)\b)/g;
/** "He's 19", "she was only 16". */
const AGE_STATED = /\b(?:he|she|they)(?:'s|’s|\sis|\swas|\sare|\swere)\s(?:only\s|just\s|barely\s)?(\d{1,3})\b(?![.,:]\d|\s?(?:%|am\b|pm\b|mins?\b|minutes|hours?|hrs|weeks|wks|days|months|mg|ml|kg|lb|st\b|stone|times|x\b|percent|miles?))/gi;

export function findAges(doc: Doc): Span[] {
  const ok = (m: RegExpExecArray) => {
    const n = Number(/\d{1,3}/.exec(m[0])?.[0] ?? '0');
    return n >= 1 && n <= 115;
  };
  return [...regexSpans(AGE, doc.clean, 0, ok), ...regexSpans(AGE_APPOSITION, doc.clean, 1, ok), ...regexSpans(AGE_STATED, doc.clean, 1, ok)];
}

/**
 * Street addresses: a house number and a named road ("41 Ashmore Road",
 * "14 Front St", "flats on Ben Jonson Road", "7 Tiller Road").
 */
const STREET = "(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Grove|Gr|Court|Ct|Crescent|Cres|Terrace|Terr|Place|Pl|Gardens|Gdns|Hill|Row|Walk|Mews|Square|Sq|Park|Green|Rise|View|Vale|Parade|Estate|House|Flats|Heights|Ffordd|Heol|Stryd)";
/** Welsh street words come first: "4 Maes y Coed", "Heol y Felin", "Lon Las". */
const WELSH_STREET = "(?:Ffordd|Heol|Stryd|Maes|Lon|Lôn|Cwrt|Rhodfa|Clos|Rhes|Teras|Llys)";
const ADDRESS = new RegExp(`(?:\\b\\d{1,4}[A-Za-z]?,?\\s(?:[A-Z][a-z'’]+\\s){1,3}${STREET}\\b|\\b(?:flats?|house|home|lives|living|address|flat|caller|patient|pt|bloke|man|woman|lady|gent|lad|lass|fella|guy|chap|family|girl|boy|resident)\\s(?:on|in|at|from|of)\\s(?:[A-Z][a-z'’]+\\s){1,3}${STREET}\\b|\\b(?:\\d{1,4}[A-Za-z]?,?\\s)?${WELSH_STREET}\\s(?:(?:y|yr|a|ap)\\s)?[A-Z][a-z'’]+)`, 'g');

export function findAddresses(doc: Doc): Span[] {
  return regexSpans(ADDRESS, foldedText(doc));
}

/**
 * People named or pointed at: a title with a name or initial ("Mrs K",
 * "Mr Okonkwo", "Dr. Shah"), "RIP Jack", or someone identified by where they lie
 * ("the lad in bed 4", "the old dear in bay C").
 */
const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sister|Prof|Professor|Nurse|Councillor|Cllr)\.?\s(?:[A-Z][a-zA-Z'’-]+|[A-Z]\b\.?)(?:\s[A-Z][a-zA-Z'’-]+)?/g;
const RIP = /\bRIP\s[A-Z][a-z]+\b/g;
const BY_BED = /\b(?:the|this|that|our|an?)\s(?:(?:old|young|little|elderly|lovely|poor|sweet|angry|drunk)\s)?(?:lad|lady|gent|gentleman|man|woman|fella|fellow|chap|girl|boy|guy|bloke|dear|kid|baby|child|mum|mother|dad|father|patient|pt|lass|granny|grandad|nan|grandma|grandpa|sir)\s(?:in|on|from)\s(?:bed|bay|side ?room|cubicle|resus|room|majors|minors)\s?(?:\d{1,3}[a-z]?|[a-h])?\b/gi;

/** "Nurse Specialist", "Sister Ward" are job titles, not names. */
const ROLE_WORD = /^\S+\.?\s(?:Specialist|Practitioner|Manager|Associate|Educator|Consultant|Lead|Prescriber|Director|Advisor|Adviser|Apprentice|Assistant|Team|Tutor|Mentor|Champion|Navigator|Led|Station|Unit|Ward)\b/;

/** A name spelt out with dots to dodge filters: "J.o.a.n.n.e", "K.a.y.d.e.n". */
const DOTTED_NAME = /\b[A-Z](?:\.[a-z]){3,}\b/g;
/** A person pointed at by relation with their first name: "mum Chantelle", "little Nevaeh", "our Priya". */
const RELATION_NAME = /\b(?:mum|mam|mother|dad|father|baby|little|wife|husband|partner|son|daughter|our|patient|pt|lady|gent|man|woman|lad|lass|girl|boy|brother|sister|grandson|granddaughter|nan|grandad|uncle|auntie|aunt)\s([A-Z][a-z]{2,})\b(?!\s(?:Road|Street|St|Hospital|Ward|Unit|Centre|Center|House|Lane|Avenue|Park|United|City)\b)/g;
/** First name + surname, with the first name from a list of common given names ("Hannah Brook", "Gareth Pritchard"). */
const FULL_NAME = /\b([A-Z][a-z]{2,12})\s((?:Mc|Mac|O'|O’)?[A-Z][a-z'’]{2,20}(?:-[A-Z][a-z]{2,20})?)\b/g;
const NOT_SURNAME = new Set(['Road', 'Street', 'Hospital', 'Ward', 'Unit', 'Centre', 'Center', 'House', 'Lane', 'Avenue', 'Park', 'United', 'City', 'Town', 'Rovers', 'Court', 'Hill', 'Green', 'School', 'College', 'University', 'Surgery', 'Practice', 'Health', 'Trust', 'Memorial', 'Infirmary', 'General', 'Royal', 'Church', 'Chapel', 'Station', 'Square', 'Bridge', 'Close', 'Drive', 'Grove', 'Way', 'Place', 'Gardens', 'Christmas', 'Day', 'Birthday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Kitchen', 'Library', 'Hall', 'Arms', 'Inn', 'Hotel']);
const FIRST_NAMES = new Set(
  (
    'eirlys dilys gwenda myfanwy bronwen ceinwen morfydd elwyn glyn idris ifor meirion emrys aneurin gwilym iolo mair nerys gwladys blodwen olwen eluned dai delphine agnieszka katarzyna piotr tomasz oluwaseun chidi ngozi adebayo fatima yusuf hassan ali omar bilal zainab amina aisha sanjay rajesh anil sunita deepak pooja ravi kiran mei wei ling kwame kofi ama siobhan aoife ciara padraig seamus maggie peggy elsie ethel edna hilda mabel winifred gladys stanley cyril wilfred ernest reginald aaron abdul abigail adam adrian agnes ahmed aidan aisha alan albert alex alexander alfie alice alison amanda amber amelia amir amy andrea andrew angela ann anna anne annie anthony arthur ashley aaliyah barbara barry ben benjamin beryl beth bethan betty bill billy bob brenda brian bridget callum cameron carl carol caroline carys catherine charles charlie charlotte chloe chris christine christopher claire colin connor craig daniel danielle darren david dawn dean deborah debbie declan denise dennis derek diane dominic donna doris dorothy dylan edward eileen elaine eleanor elizabeth ella ellie emily emma emyr eric evie evan ffion fiona frank freddie gareth gary gavin gemma geoffrey george georgia gerald gillian glenys graham grace gwen gwyneth hannah harold harriet harry hayley heather helen henry hollie holly ian imran irene isaac isabel isabella isla ivy jack jackie jacob jade james jamie jane janet jason jayden jean jeffrey jennifer jenny jessica jill jim jo joan joanne joe john jonathan joseph josh joshua joyce judith julie june karen kate katherine kathleen katie kayden keith kelly kenneth kevin kieran kim kyle laura lauren leah lee leon lewis liam lily linda lisa logan lola louise lucy luke lydia lynne maisie malcolm margaret maria marie marion mark martin mary matthew maureen megan melissa mia michael michelle mildred mohammed mohammad molly muhammad nancy naomi natalie nathan neil nerys nevaeh niamh nicholas nicola noah norman oliver olivia oscar owen paige pamela patricia patrick paul pauline peter philip phillip phoebe poppy priya rachel rebecca rhodri rhys richard rita robert robin rose ruby ruth ryan sally samantha samuel sandra sarah scott sean shannon sharon sheila shirley sian simon sophie stacey stephen steven stuart susan suzanne tara teresa terry thomas tim timothy toby tom tony tracey tracy trevor valerie vera victoria vincent wayne wendy william yvonne zoe zara'
  ).split(' '),
);

/** Short forms staff use for each other ("Dave on B watch", "our Steph"). */
const NICKNAMES = new Set(
  'abi abby aled alun angharad bryn catrin ceri cerys delyth dewi eleri elin geraint gethin huw hywel ieuan iwan llinos lowri manon mared meinir nia osian rhian rhiannon sioned sion tomos tudur alfie andy annie babs becca becky bev bex bill billy bob bobby carly charlie chaz chrissy dafydd dai dave davey deb debs dom eddie fran gaz gemma geoff gerry gill gez hels izzy jac jacqui jake jan janice jaz jeff jen jenna jess jez jimmy jo jonny jonno josie jules kat kath kaz kel kerry kev kirsty kris les lex liz lou lulu mags mandy meg mel mick mike nat nav nick nicky nige nikki ollie pete phil pip raj rob robbie ron ros roz sam sammy sas shaz sid soph steph steve stevie sue suzy tam tash ted tess tom tommy val vic viv woody'.split(' '),
);

/**
 * A single capitalised given name ("Dave", "Bethan", "Steph"): not enough to
 * name a patient, but enough to say a post is about a particular colleague.
 */
const NOT_GIVEN = new Set(['june', 'dawn', 'grace', 'rose', 'holly', 'ivy', 'robin', 'ruby', 'lily', 'poppy', 'amber', 'will', 'mark', 'bill', 'jack', 'sally', 'pat']);
const GIVEN = /\b[A-Z][a-z]{1,12}\b/g;

export function findGivenNames(doc: Doc): Span[] {
  const text = foldedText(doc);
  return regexSpans(GIVEN, text, 0, (m) => {
    const w = m[0].toLowerCase();
    return (FIRST_NAMES.has(w) || NICKNAMES.has(w)) && !NOT_GIVEN.has(w);
  });
}

export function findNamedPeople(doc: Doc): Span[] {
  const text = foldedText(doc);
  const full = regexSpans(FULL_NAME, text, 0, (m) => (FIRST_NAMES.has(m[1]!.toLowerCase()) || (NICKNAMES.has(m[1]!.toLowerCase()) && !NOT_GIVEN.has(m[1]!.toLowerCase()))) && !NOT_SURNAME.has(m[2]!));
  return [
    ...regexSpans(TITLED, text, 0, (m) => !ROLE_WORD.test(m[0])),
    ...regexSpans(RIP, text),
    ...regexSpans(BY_BED, text),
    ...regexSpans(DOTTED_NAME, text),
    ...regexSpans(RELATION_NAME, text, 1, (m) => !NOT_SURNAME.has(m[1]!)),
    ...full,
  ];
}

/**
 * Places smaller than a city, for indirect identification: a capitalised place
 * after from/in/near/outside ("from near Tregaron", "in Horsforth", "outside
 * Lewisham Shopping Centre"), an outward postcode ("LS17", "E1") or a road
 * number ("the A13", "A167").
 */
const PLACE = /\b(?:from|in|near|outside|at|on|of|around|off)\s(?:near\s)?([A-Z][a-z'’]{2,}(?:[\s-][A-Z][a-z'’]{2,}){0,2})|\b(?:[A-Z]{1,2}\d{1,2}[A-Z]?|[AM]\d{1,4})\b/g;
const NOT_PLACE = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Christmas', 'Easter', 'The', 'This', 'That', 'Twitter', 'Facebook', 'Instagram', 'LinkedIn', 'Linkedin', 'WhatsApp', 'Whatsapp', 'Tiktok', 'TikTok', 'Youtube', 'YouTube', 'God', 'Jesus', 'Mum', 'Mam', 'Dad', 'Covid', 'Team', 'Ward', 'Bay', 'Bed', 'Resus', 'Majors', 'Minors', 'Theatre', 'Theatres', 'Clinic', 'Nhs', 'Our', 'My', 'His', 'Her', 'Their', 'Work', 'Home']);

export function findPlaces(doc: Doc): Span[] {
  return regexSpans(PLACE, foldedText(doc), 0, (m) => {
    if (m[1] === undefined) return !/^(?:[A-Z]\d{1,2}|[AM]\d)$/.test(m[0]) || /^[A-Z]{2}/.test(m[0]) || /^[EWN]\d/.test(m[0]) || /^[AM]\d{2,4}$/.test(m[0]);
    return !NOT_PLACE.has(m[1].split(/[\s-]/)[0]!);
  });
}
