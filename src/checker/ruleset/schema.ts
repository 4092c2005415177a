/**
 * The ruleset format IG teams author in YAML. Zod is the single source of truth:
 * validation messages, TypeScript types and the JSON Schema editors use for
 * autocompletion (`npm run schema`) all come from here.
 */
import { z } from 'zod';
import { AUDIENCES, CATEGORIES, FIX_KINDS, SEVERITIES, SITES } from '../types.js';
import { DETECTOR_NAMES } from '../detectors/index.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** "within N words of the anchor" (the first condition of an `all`, or the rule's hit). */
const within = z.number().int().min(0).max(200).optional().describe('Only counts when found within this many words of the anchor.');

const termList = z
  .array(nonEmpty)
  .min(1, 'needs at least one term')
  .describe('Words or phrases, matched whole-word after normalisation. `word*` matches any ending, `#` any number, `_` any one word.');

export interface ConditionInput {
  terms?: string[] | undefined;
  signal?: string | undefined;
  detector?: string | undefined;
  pattern?: string | undefined;
  any?: ConditionInput[] | undefined;
  all?: ConditionInput[] | undefined;
  within?: number | undefined;
  sentence?: boolean | undefined;
}

export const conditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z
    .strictObject({
      terms: termList.optional(),
      signal: nonEmpty.optional().describe('Name of a signal (a named condition) defined in this ruleset or the one it extends.'),
      detector: z.enum(DETECTOR_NAMES).optional().describe('A built-in detector with real validation (checksums, formats).'),
      pattern: nonEmpty.optional().describe('A regular expression, case-insensitive, run on the normalised text. Checked for catastrophic backtracking.'),
      any: z.array(conditionSchema).min(1).optional().describe('Matches where any of these match.'),
      all: z.array(conditionSchema).min(1).optional().describe('Matches where the first condition (the anchor, which is highlighted and fixed) matches and every other one is found near it.'),
      within,
      sentence: z.boolean().optional().describe('Only counts when found in the same sentence as the anchor.'),
    })
    .refine(
      (c) => [c.terms, c.signal, c.detector, c.pattern, c.any, c.all].filter((x) => x !== undefined).length === 1,
      { message: 'a condition needs exactly one of terms, signal, detector, pattern, any, all' },
    ),
);

export const clauseSchema = z.strictObject({
  section: nonEmpty.describe('Section number exactly as the policy numbers it.'),
  quote: nonEmpty.describe("The clause's own words, verbatim from the policy."),
  why: nonEmpty.describe('Why this matters, in one or two plain sentences.'),
  why_cy: nonEmpty.optional().describe('Welsh version of `why`.'),
});

export const fixSchema = z
  .strictObject({
    action: z.enum(FIX_KINDS),
    text: z.string().optional().describe('Replacement or appended text (not used by `remove`).'),
    label: nonEmpty.describe('Short button label, e.g. "Remove the NHS number".'),
  })
  .refine((f) => f.action === 'remove' || (f.text !== undefined && f.text.length > 0), {
    message: 'this fix action needs `text`',
    path: ['text'],
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const examplesSchema = z.strictObject({
  flag: z.array(nonEmpty).min(1, 'give at least one post this rule must flag'),
  ok: z.array(nonEmpty).min(1, 'give at least one similar post this rule must not flag'),
});

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  clause: clauseSchema,
  message: nonEmpty.describe('What is wrong, in plain words, addressed to the poster.'),
  message_cy: nonEmpty.optional(),
  match: conditionSchema,
  unless: z.array(conditionSchema).optional().describe('Exceptions: the hit is dropped when any of these is found (near the hit if `within` is given, else anywhere in the post).'),
  fix: fixSchema.optional(),
  sites: z.array(z.enum(SITES)).min(1).optional(),
  audiences: z.array(z.enum(AUDIENCES)).min(1).optional(),
  severity_by_audience: z.partialRecord(z.enum(AUDIENCES), z.enum(SEVERITIES)).optional(),
  effective: z.strictObject({ from: isoDate.optional(), until: isoDate.optional() }).optional(),
  examples: examplesSchema,
});

export const policySchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  source: nonEmpty.describe('File name of the full policy text bundled with the extension.'),
  reference: z.string().optional(),
});

export const coverageEntrySchema = z
  .strictObject({
    section: nonEmpty.describe('A numbered section of the policy, exactly as the policy numbers it.'),
    heading: nonEmpty.describe("The section's heading as the policy gives it."),
    checked: z.boolean().describe('Whether any rule checks posts against this section.'),
    reason: nonEmpty.optional().describe('Why a section is deliberately not checked (e.g. no text can show it).'),
  })
  .refine((c) => c.checked || c.reason !== undefined, { message: 'a section that is not checked needs a `reason`', path: ['reason'] });

export const rulesetSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.number().int().min(1).describe('Increase on every published change.'),
  extends: z.string().optional().describe('Id of a ruleset whose signals this one may use (usually `base`).'),
  policy: policySchema.optional(),
  signals: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), conditionSchema).optional(),
  rules: z.array(ruleSchema).optional(),
  coverage: z.array(coverageEntrySchema).optional().describe("Every numbered section of the policy, for the IG team's assurance file (`think-twice ruleset coverage`)."),
});

/**
 * A ruleset may be split over several files in one folder (one per policy area,
 * as Vale styles are): each file is a part, and only the merged whole must have
 * an id and a version.
 */
export const rulesetPartSchema = rulesetSchema.partial();

export type RulesetInput = z.infer<typeof rulesetSchema>;
export type RulesetPartInput = z.infer<typeof rulesetPartSchema>;
export type RuleInput = z.infer<typeof ruleSchema>;
export type FixInput = z.infer<typeof fixSchema>;
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;
