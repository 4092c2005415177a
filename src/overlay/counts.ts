/**
 * The only record Think Twice keeps: how many times each rule warned, and what the
 * person did next. Counts, per rule id, in storage.local on this device; never post
 * text, never sent anywhere. The popup shows them and can clear them.
 */
import type Browser from 'webextension-polyfill';
import type { MessageKey } from './i18n.js';

export const COUNTS_KEY = 'ruleCounts';
export const COUNT_KINDS = ['warned', 'fixed', 'edited', 'postedAnyway', 'cancelled', 'reportedWrong'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];
export type RuleCounts = Record<string, Partial<Record<CountKind, number>>>;

/** Column heading of each count, for the popup and the options page. */
export const COUNT_LABELS: Record<CountKind, MessageKey> = {
  warned: 'counts_warned',
  fixed: 'counts_fixed',
  edited: 'counts_edited',
  postedAnyway: 'counts_posted_anyway',
  cancelled: 'counts_cancelled',
  reportedWrong: 'counts_wrong',
};

export function isRuleCounts(v: unknown): v is RuleCounts {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Pure: counts plus one `kind` for each rule (each rule once, however many matches). */
export function addCounts(counts: RuleCounts, rules: readonly string[], kind: CountKind): RuleCounts {
  const next: RuleCounts = { ...counts };
  for (const rule of new Set(rules)) {
    const row = { ...(next[rule] ?? {}) };
    row[kind] = (row[kind] ?? 0) + 1;
    next[rule] = row;
  }
  return next;
}

// Writes are chained so two quick events in one page do not lose a count.
let queue: Promise<void> = Promise.resolve();

export function recordCounts(browser: Pick<typeof Browser, 'storage'>, rules: readonly string[], kind: CountKind): Promise<void> {
  if (rules.length === 0) return queue;
  queue = queue
    .then(async () => {
      const stored = (await browser.storage.local.get(COUNTS_KEY))[COUNTS_KEY];
      await browser.storage.local.set({ [COUNTS_KEY]: addCounts(isRuleCounts(stored) ? stored : {}, rules, kind) });
    })
    .catch(() => undefined);
  return queue;
}

export async function readCounts(browser: Pick<typeof Browser, 'storage'>): Promise<RuleCounts> {
  const stored = (await browser.storage.local.get(COUNTS_KEY))[COUNTS_KEY];
  return isRuleCounts(stored) ? stored : {};
}

export function clearCounts(browser: Pick<typeof Browser, 'storage'>): Promise<void> {
  return browser.storage.local.remove(COUNTS_KEY);
}

/**
 * "Post anyway" remembered for a minute, in memory only: the same warnings on the same
 * words are not shown again (posting one message to two chats). Never for a block.
 */
export class RecentlyAccepted {
  private readonly seen = new Map<string, number>();
  constructor(private readonly windowMs = 60_000) {}

  static key(findings: readonly { rule: string; match: string }[]): string {
    return findings.map((f) => `${f.rule}\u0000${f.match}`).sort().join('\u0001');
  }

  remember(key: string, now: number): void {
    this.seen.set(key, now);
  }

  has(key: string, now: number): boolean {
    for (const [k, at] of this.seen) if (now - at > this.windowMs) this.seen.delete(k);
    return this.seen.has(key);
  }
}
