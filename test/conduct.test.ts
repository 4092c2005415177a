/**
 * Conduct lexicons (rulesets/base/conduct.yaml) across every bundled ruleset:
 * no Scunthorpe problem, no nagging over idioms or clinical words, and the usual
 * evasions (dots, spaces, stars, stretched letters, leetspeak, look-alike
 * letters, invisible characters) are still caught, with the highlight covering
 * exactly what was typed.
 */
import { describe, expect, it } from 'vitest';
import { createChecker, type Finding } from '../src/checker/index.js';
import { BUNDLED_RULESET_IDS, loadRulesetFrom } from '../src/node/ruleset-files.js';

const checkers = BUNDLED_RULESET_IDS.map((id) => [id, createChecker(loadRulesetFrom(id))] as const);

const holds = (f: Finding) => f.severity === 'block' || f.severity === 'warn';

const CLEAN = [
  'Scunthorpe',
  'Penistone',
  'Essex',
  'cockpit',
  'analysis',
  'therapist',
  'assassin',
  'anal fissure',
  'semen analysis',
  'sex: female',
  'Dr Dick',
  "I'd kill for a coffee",
  'this tooth is killing me',
  'the traffic was murder',
  // The same words in the sentences staff actually write.
  'Away day in Scunthorpe, then the train back through Penistone and a night in Essex',
  'Semen analysis and anal fissure clinics both move to room 3 on Thursday',
  'Form says sex: female, DOB blank, so I sent it back to the GP',
  'Dr Dick is on call for surgery tonight if you need a senior review',
  'Pilot let our little one sit in the cockpit, she was made up',
  'New occupational therapist starting on the ward Monday, make her welcome',
  'Finished Assassin’s Creed on my nights off, no regrets',
  "Gutted we lost at the pub quiz, I'd kill for a rematch",
  'Had a lovely lazy Sunday with the kids after four nights',
  'Busy night on the labour ward, two babies before midnight',
  'Spastic diplegia study day for the physio team on Friday',
  // Near misses for the widened families (pronoun targets, self-harm goading,
  // drug slang, grooming flattery, party names, relatives in clinical advice).
  'I was a complete idiot today, forgot my lanyard twice',
  'He was lying in the road when we arrived',
  'The thug who attacked our crew got 18 months, justice',
  'The student on our ward passed her OSCE, so proud of her',
  'Self-harm is not attention seeking. If you are struggling, Samaritans are on 116 123',
  'Crew talked a man down from the bridge today, so proud of them',
  'Line manager signed off my leave, buzzing for the festival',
  'Finished my Line of Duty box set on nights, no spoilers',
  'Paramedic crews stoned by kids in Croydon last night, unacceptable',
  'You look older than 14 in your new school photo, my little girl is growing up',
  'Health service reform will be discussed at the board meeting in public',
  'Voting closes Friday for the staff awards, vote for your team!',
  'My GP told me to stop my amlodipine because of ankle swelling',
  'My little one has chickenpox, calamine lotion at the ready, wish us luck',
  'Gypsy, Roma and Traveller health outreach clinic on Tuesday',
];

describe.each(checkers)('conduct lexicons in %s', (_id, checker) => {
  it.each(CLEAN)('leaves "%s" alone', (text) => {
    const held = checker.check(text).findings.filter(holds);
    expect(held.map((f) => `${f.rule}: ${f.match}`)).toEqual([]);
  });

  // [post, the exact characters the highlight must cover]
  const EVASIONS: Array<[string, string]> = [
    ['Our new ward manager is a total b.i.t.c.h', 'b.i.t.c.h'],
    ['That charge nurse is an absolute c u n t', 'c u n t'],
    ['Tell the registrar to f*ck off', 'f*ck'],
    ['Fuuuuck off with your rota, manager', 'Fuuuuck'],
    ['The locum on nights is a right t0sser', 't0sser'],
    // Cyrillic о and с in "tosser" / "cunt"-style look-alikes.
    ['The consultant is a t\u043Es\u0455er', 't\u043Es\u0455er'],
    ['My line manager is a \u0441unt', '\u0441unt'],
    // Zero-width space and joiner inside the insult.
    ['The new matron is a tos\u200Bser', 'tos\u200Bser'],
    ['Our practice manager is a bell\u200Dend', 'bell\u200Dend'],
  ];

  it.each(EVASIONS)('flags "%s" and highlights exactly what was typed', (text, typed) => {
    const held = checker.check(text).findings.filter(holds);
    const start = text.indexOf(typed);
    const spans = held.filter((f) => f.category === 'derogatory' || f.category === 'offensive-language').map((f) => [f.start, f.end, f.match]);
    expect(spans).toContainEqual([start, start + typed.length, typed]);
  });

  it('flags an insult aimed at a colleague as derogatory, not just swearing', () => {
    const held = checker.check('Our ward manager is an absolute numpty and a useless wazzock').findings.filter(holds);
    expect(held.map((f) => f.category)).toContain('derogatory');
  });

  it('treats happy swearing as offensive language at most, never derogatory', () => {
    const held = checker.check('fucking brilliant shift tonight, love this team').findings.filter(holds);
    expect(held.map((f) => f.category)).not.toContain('derogatory');
    expect(held.map((f) => f.category)).toContain('offensive-language');
  });
});

// Families of posts beyond the rule examples, for the trusts whose policy covers them.
const byId = new Map(checkers);
const FAMILIES: Array<[(typeof BUNDLED_RULESET_IDS)[number], string, string]> = [
  ['cddft', 'derogatory', 'Got a proper sp4z of a trainee on the ward, cannot take a blood pressure'],
  ['clh', 'derogatory', 'Our new director is a thug in a suit, nobody trusts him'],
  ['clh', 'derogatory', 'The managers covered it up again. They are liars, every one of them.'],
  ['las', 'derogatory', 'those polish lot on the estate are all thieves and drunks'],
  ['las', 'offensive-language', 'all g!ppos round there, lock the ambulance'],
  ['leeds-ccg', 'offensive-language', 'cutters are just attention seekers, pathetic'],
  ['las', 'safeguarding', 'Same lad threatening to jump off the bridge again, wish he would just get on with it'],
  ['leeds-ccg', 'safeguarding', 'if she wants to overdose that badly she should do it properly next time'],
  ['las', 'safeguarding', 'cheeky line before night shift keeps me going 😂'],
  ['leeds-ccg', 'safeguarding', 'Festival tip: take half a pill, wait an hour, then top up. Buzzing all night'],
  ['las', 'safeguarding', '@jade_14 you look older than 14 tbh, send me your snap and we can meet up, just us'],
  ['nhs-wales', 'political', 'As a GP I am telling my patients to vote Welsh Conservative on Thursday'],
  ['leeds-ccg', 'political', 'CCG colleagues, Reform would flog off the NHS, dont let them near it on polling day'],
  ['leeds-ccg', 'clinical-advice', 'tell your sister her rash is definitely shingles, just take aciclovir 800mg 5 times a day'],
  ['leeds-ccg', 'clinical-advice', 'for your little ones croup give him some of your prednisolone crushed in jam'],
];

describe('conduct families beyond the examples', () => {
  it.each(FAMILIES)('%s reports %s for "%s"', (id, category, text) => {
    const held = byId.get(id)!.check(text).findings.filter(holds);
    expect(held.map((f) => f.category)).toContain(category);
  });
});
