/**
 * The content script's checker: a verdict cache keyed by the exact text, and the
 * same pure checker as the background, compiled from the ruleset JSON in
 * storage.local so a submit can be decided synchronously even when the worker
 * is asleep, restarting or gone.
 */
// Imported file by file so zod and yaml (the loader's) stay out of the content bundle.
import { compileRuleset, type CompiledRuleset } from '../checker/ruleset/compile.js';
import { runCheck } from '../checker/engine.js';
import type { CheckContext, Result } from '../checker/types.js';
import type { RulesetInput } from '../checker/ruleset/schema.js';

export function cacheKey(text: string, ctx: CheckContext): string {
  return `${ctx.site ?? ''}|${ctx.audience ?? ''}|${text}`;
}

export class VerdictCache {
  private readonly map = new Map<string, Result>();
  constructor(private readonly capacity = 64) {}

  get(text: string, ctx: CheckContext): Result | undefined {
    const key = cacheKey(text, ctx);
    const hit = this.map.get(key);
    if (hit) {
      // Most recently used last.
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(text: string, ctx: CheckContext, result: Result): void {
    const key = cacheKey(text, ctx);
    this.map.delete(key);
    this.map.set(key, result);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

export class LocalChecker {
  private compiled: CompiledRuleset | null = null;
  /** Id and version of the compiled ruleset: a background result for another ruleset is ignored. */
  identity: string | null = null;
  policySource: string | null = null;
  error: string | null = null;

  load(input: RulesetInput): boolean {
    const { ruleset, issues } = compileRuleset(input);
    if (!ruleset) {
      this.compiled = null;
      this.error = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') || 'ruleset did not compile';
      return false;
    }
    this.compiled = ruleset;
    this.identity = `${ruleset.id}@${ruleset.version}`;
    this.policySource = ruleset.policySource;
    this.error = null;
    return true;
  }

  get ready(): boolean {
    return this.compiled !== null;
  }

  /** Synchronous check in the page; null when no ruleset is loaded. */
  check(text: string, ctx: CheckContext): Result | null {
    return this.compiled ? runCheck(this.compiled, text, ctx) : null;
  }
}
