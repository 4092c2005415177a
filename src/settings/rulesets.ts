/** The rulesets bundled with the extension, one per trust policy. */
export const BUNDLED_RULESETS = ['clh', 'cddft', 'nhs-wales', 'leeds-ccg', 'las'] as const;
export type BundledRulesetId = (typeof BUNDLED_RULESETS)[number];
