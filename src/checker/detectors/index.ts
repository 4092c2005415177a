/** The built-in detectors a ruleset can name with `detector:`. Each has real validation, not a bare regex. */
import type { Doc } from '../normalise.js';
import type { Span } from './span.js';
import { findNhsNumbers } from './nhs-number.js';
import { findDates, findDatesOfBirth } from './dates.js';
import { findAddresses, findAges, findPlaces, findBedReferences, findEmails, findGivenNames, findHospitalNumbers, findNamedPeople, findNhsEmails, findPhoneNumbers, findPostcodes } from './identifiers.js';
import { findAccessCodes, findSecrets } from './security.js';

export type { Span } from './span.js';

export const DETECTORS = {
  'nhs-number': findNhsNumbers,
  'date-of-birth': findDatesOfBirth,
  date: findDates,
  postcode: findPostcodes,
  address: findAddresses,
  place: findPlaces,
  phone: findPhoneNumbers,
  email: findEmails,
  'nhs-email': findNhsEmails,
  'hospital-number': findHospitalNumbers,
  'bed-reference': findBedReferences,
  age: findAges,
  'named-person': findNamedPeople,
  'given-name': findGivenNames,
  'access-code': findAccessCodes,
  password: findSecrets,
} as const satisfies Record<string, (doc: Doc) => Span[]>;

export type DetectorName = keyof typeof DETECTORS;
export const DETECTOR_NAMES = Object.keys(DETECTORS) as [DetectorName, ...DetectorName[]];
