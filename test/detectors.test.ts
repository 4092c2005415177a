import { describe, expect, it } from 'vitest';
import { buildDoc } from '../src/checker/normalise.js';
import { DETECTORS, type DetectorName } from '../src/checker/detectors/index.js';
import { toOriginalSpan } from '../src/checker/normalise.js';

/** What each detector found, as the original characters the user typed. */
function found(name: DetectorName, text: string): string[] {
  const doc = buildDoc(text);
  return DETECTORS[name](doc).map((s) => {
    const o = toOriginalSpan(doc, s.start, s.end);
    return text.slice(o.start, o.end);
  });
}

describe('nhs-number', () => {
  it.each([
    ['NHS 943 476 5919', '943 476 5919'],
    ['nhs no 943-476-5919', '943-476-5919'],
    ['pt 9434765919 on ward 3', '9434765919'],
    ['bed 4 is 943.476.5919', '943.476.5919'],
    ['NHS number 943\u200b476\u200b5919', '943\u200b476\u200b5919'],
    ['on our trolley 9.4.3.4.7.6.5.9.1.9 for hours', '9.4.3.4.7.6.5.9.1.9'],
    ['can\'t find 9 4 3 - 4 7 6 - 5 9 1 9 on the system', '9 4 3 - 4 7 6 - 5 9 1 9'],
    ['N H S  n o  9 4 3 4 7 6 5 9 1 9', '9 4 3 4 7 6 5 9 1 9'],
  ])('finds %j', (text, expected) => {
    expect(found('nhs-number', text)).toEqual([expected]);
  });
  it('reads a letter O typed for a zero when labelled', () => {
    expect(found('nhs-number', 'NHS 4O8 4O6 43OO please')).toEqual(['4O8 4O6 43OO']);
  });
  it('rejects a bad checksum, repdigits and order/invoice numbers', () => {
    expect(found('nhs-number', 'NHS number 987 654 4321')).toEqual([]);
    expect(found('nhs-number', 'NHS 111 111 1111')).toEqual([]);
    expect(found('nhs-number', 'Tesco order 943 476 5919 is late')).toEqual([]);
    expect(found('nhs-number', 'invoice 9434765919 unpaid')).toEqual([]);
    expect(found('nhs-number', 'Delay Repay ref 451 702 6389, please')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    ['DOB 12/03/1956', '12/03/1956'],
    ['d.o.b. 12.3.56', '12.3.56'],
    ['born 12th March 1956', '12th March 1956'],
    ['GP says DOB 09 08 1952', '09 08 1952'],
    ['D O B 0 3 / 1 1 / 1 9 8 7', '0 3 / 1 1 / 1 9 8 7'],
    ['DOB 1956', '1956'],
  ])('finds %j', (text, expected) => {
    expect(found('date-of-birth', text)).toEqual([expected]);
  });
  it('a date without a birth word is only a date', () => {
    expect(found('date-of-birth', 'meeting on 12/03/2024')).toEqual([]);
    expect(found('date', 'meeting on 12/03/2024')).toEqual(['12/03/2024']);
    expect(found('date-of-birth', 'Born in 1980 and still no good at maths')).toEqual([]);
  });
});

describe('postcodes', () => {
  it('finds postcodes with and without the space, and spelt out', () => {
    expect(found('postcode', 'lives at W9 3DA')).toEqual(['W9 3DA']);
    expect(found('postcode', 'lives at NW88LW')).toEqual(['NW88LW']);
    expect(found('postcode', 'baby in L S 9  7 D R')).toEqual(['L S 9  7 D R']);
  });
  it('B12 5MG is a dose, not a postcode', () => {
    expect(found('postcode', 'B12 5MG daily')).toEqual([]);
  });
});

describe('phones and e-mails', () => {
  it('finds UK numbers including Ofcom drama numbers', () => {
    expect(found('phone', 'text me on 07700 900123')).toEqual(['07700 900123']);
    expect(found('phone', 'ring 020 7946 0123 now')).toEqual(['020 7946 0123']);
  });
  it('finds NHS addresses however typed', () => {
    expect(found('nhs-email', 'email jo.bloggs@nhs.net')).toEqual(['jo.bloggs@nhs.net']);
    expect(found('nhs-email', 'a.b@cddft.nhs.uk today')).toEqual(['a.b@cddft.nhs.uk']);
    expect(found('nhs-email', 'me: sian.morgan4@wales.nhs.uk')).toEqual(['sian.morgan4@wales.nhs.uk']);
    expect(found('nhs-email', 'rachel.h3 (at) nhs (dot) net as I')).toEqual(['rachel.h3 (at) nhs (dot) net']);
    expect(found('nhs-email', 'emyr.davies @ wales . nhs . uk and')).toEqual(['emyr.davies @ wales . nhs . uk']);
    expect(found('nhs-email', 'jo@gmail.com')).toEqual([]);
    // A bare "at": only when the name looks like an address or the domain is spelt with "dot".
    expect(found('nhs-email', 'Email me: claire.hutchinson12 at nhs dot net')).toEqual(['claire.hutchinson12 at nhs dot net']);
    expect(found('nhs-email', 'email me at claire.h12 at nhs dot net')).toEqual(['claire.h12 at nhs dot net']);
    expect(found('nhs-email', 'my email is paul.green1 at nhs.net')).toEqual(['paul.green1 at nhs.net']);
    expect(found('nhs-email', 'mark dot jones at nhs dot net')).toEqual(['jones at nhs dot net']);
    expect(found('nhs-email', 'check the advice at nhs.uk before you travel')).toEqual([]);
    expect(found('email', 'meet at the pub at 7.30')).toEqual([]);
    expect(found('email', 'see you at the pub')).toEqual([]);
  });
});

describe('hospital numbers, beds, ages, people, addresses', () => {
  it('hospital numbers', () => {
    expect(found('hospital-number', 'Hosp no K7734921 if')).toEqual(['K7734921']);
    expect(found('hospital-number', 'RLH hosp no 1\u200b04\u200b82\u200b73, ITU')).toEqual(['1\u200b04\u200b82\u200b73']);
  });
  it('bed references', () => {
    expect(found('bed-reference', 'bed 4 and bay C')).toEqual(['bed 4', 'bay C']);
    expect(found('bed-reference', 'back in 10 mins')).toEqual([]);
  });
  it('ages', () => {
    expect(found('age', 'a 17yo and a 34-year-old')).toEqual(['17yo', '34-year-old']);
    expect(found('age', 'Margaret Ellison, 94, still walks')).toEqual(['94']);
    expect(found('age', "He's 19. Slow down")).toEqual(['19']);
    expect(found('age', "she's 8 weeks pregnant")).toEqual([]);
    expect(found('age', 'beds 3, 4, 5 are free')).toEqual([]);
  });
  it('named people', () => {
    expect(found('named-person', 'Mrs K on ward 12')).toEqual(['Mrs K']);
    expect(found('named-person', 'RIP Jack, you will be missed')).toEqual(['RIP Jack']);
    expect(found('named-person', 'the lad in bed 4 again')).toEqual(['the lad in bed 4']);
    expect(found('named-person', 'Mrs N\u0435rys P\u043ewell, 86')).toEqual(['Mrs N\u0435rys P\u043ewell']);
    expect(found('named-person', 'chase bloods for J.o.a.n.n.e')).toEqual(['J.o.a.n.n.e']);
    expect(found('named-person', 'Hannah Brook, 29')).toEqual(['Hannah Brook']);
    expect(found('named-person', 'played for Leeds United')).toEqual([]);
    expect(found('given-name', 'Caught Bethan asleep, Dave on B watch and our Steph')).toEqual(['Bethan', 'Dave', 'Steph']);
    expect(found('given-name', 'Will anyone be in on June 3rd? Mark the rota')).toEqual([]);
    expect(found('named-person', 'a Clinical Nurse Specialist')).toEqual([]);
  });
  it('addresses and places', () => {
    expect(found('address', 'his address is 41 Ashmore Road W9')).toEqual(['41 Ashmore Road']);
    expect(found('place', 'a farmer from near Tregaron')).toEqual(['from near Tregaron']);
  });
});

describe('security', () => {
  it('access codes', () => {
    expect(found('access-code', 'keypad code is 2580')).toEqual(['2580']);
    expect(found('access-code', 'back door c0de changed to 4-7-2-1-#')).toEqual(['4-7-2-1-#']);
    expect(found('access-code', 'door \u{1F6AA} c.o.d.e is 1958*')).toEqual(['1958*']);
    expect(found('access-code', 'key safe 1973')).toEqual(['1973']);
  });
  it('not access codes', () => {
    expect(found('access-code', 'use my discount code 4821 for 10% off')).toEqual([]);
    expect(found('access-code', 'dress code for 2024 is black tie')).toEqual([]);
    expect(found('access-code', 'code blue in bay 4 at 0300')).toEqual([]);
    expect(found('access-code', 'area code 0191')).toEqual([]);
  });
  it('passwords and shared logins', () => {
    expect(found('password', 'the Wi-Fi password is Dragon2024! ok')).toEqual(['Dragon2024']);
    expect(found('password', 'login is still the default, ambul\u0430nce1 – ha')).toEqual(['ambul\u0430nce1']);
    expect(found('password', 'password on day one (Welcome1) and')).toEqual(['Welcome1']);
  });
  it('not passwords', () => {
    expect(found('password', 'I reset my password again')).toEqual([]);
    expect(found('password', 'Use a unique, complex password for every account. Never share your login.')).toEqual([]);
    expect(found('password', 'Password tip for my non-NHS friends: use three random words')).toEqual([]);
  });
  it('codes far from their key safe or keypad, spaced or dashed', () => {
    expect(found('access-code', 'key safe at Greenwich with the vehicle keys is 7 3 1 9 if late')).toEqual(['7 3 1 9']);
    expect(found('access-code', 'the keypad for the staff room at the back of the building by the bins is 2580')).toEqual(['2580']);
    expect(found('access-code', 'Keysafe at the Church St out-of-hours entrance is now 3-9-1-4 btw')).toEqual(['3-9-1-4']);
  });
  it('round-three people and addresses: Welsh streets, short-form first names, Sq', () => {
    expect(found('address', 'Dewi Hughes at 4 Maes y Coed, Caernarfon')).toEqual(['4 Maes y Coed']);
    expect(found('address', 'ring her at 3 Porchester Sq re her smear')).toEqual(['3 Porchester Sq']);
    expect(found('address', 'the caller from Leyton Green Rd who threatened')).toEqual(['caller from Leyton Green Rd']);
    expect(found('named-person', 'Dewi Hughes is on the marker list')).toEqual(['Dewi Hughes']);
    expect(found('named-person', 'Eirlys Davies, 86, from Sketty')).toEqual(['Eirlys Davies']);
    expect(found('address', 'Bryn Terfel sang at the Millennium Centre')).toEqual([]);
  });
});
// Speed is measured by `npm run bench`, never asserted with a timer in tests.
