import type { Category } from '../checker/types.js';

/** Each finding category in the plain words staff see on the card. */
export const CATEGORY_WORDS: Record<Category, string> = {
  'patient-identifiable': 'Patient information',
  'colleague-privacy': "A colleague's privacy",
  'confidential-business': 'Confidential work information',
  security: 'Security details',
  derogatory: 'Derogatory remarks',
  'offensive-language': 'Offensive language',
  'speaking-for-organisation': 'Speaking for your employer',
  political: 'Political activity',
  'commercial-endorsement': 'Endorsing a product or company',
  'work-email': 'Work email address',
  'raising-concerns': 'Raising concerns',
  safeguarding: 'Safeguarding',
  'clinical-advice': 'Clinical advice',
  media: 'Media and the press',
};
