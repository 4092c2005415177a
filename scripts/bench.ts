/**
 * Checker benchmarks (figures printed, never asserted):
 *  - latency median/p99 for 280, 1,000, 3,000 and 20,000-character posts with
 *    the largest bundled ruleset, beside a single-pass baseline (one precompiled
 *    regex over the same text) so the ratio is visible;
 *  - throughput in MB/s; ruleset load+compile time;
 *  - hostile 100,000-character pastes.
 * Targets: p99 < 1 ms at 3,000 chars, linear growth, hostile paste < 50 ms.
 */
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createChecker, type Checker } from '../src/checker/index.js';
import { BUNDLED_RULESET_IDS, loadRulesetFrom } from '../src/node/ruleset-files.js';

const SENTENCES = [
  'Lovely shift on the ward today, the team were brilliant and the tea was hot for once.',
  'Bed 4 is NHS number 943 476 5919, poor lad came in after a fall on the high street.',
  'Anyone know a good dentist in Leeds taking on NHS patients? Asking for myself.',
  'Door code for the staff room is 4412# if anyone forgets again.',
  'Proud to have finished my MSc this year, thank you to everyone who supported me (views my own).',
  "Our manager is a useless t0sser and everyone on nights knows it.",
  'Reminder: the hospital charity bake sale is on Friday from 10am in the main atrium.',
  'Mrs K in side room 2 was DOB 12/03/1956 and lives in LS1 4AP, such a character.',
  'Use my code NURSE20 for 20% off scrubs, link in bio!',
  'Honestly the traffic on the way in was murder but I would kill for a coffee now.',
];

function makeText(length: number, seed: number): string {
  let out = '';
  let i = seed;
  while (out.length < length) out += `${SENTENCES[i++ % SENTENCES.length]} `;
  return out.slice(0, length);
}

function timeIt(fn: () => void, minRuns: number, minMs: number): number[] {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

// Load + compile time, and pick the largest ruleset.
let largest: { id: string; checker: Checker; rules: number; terms: number } | null = null;
console.log('Ruleset load + compile (YAML parse, validation, compile; median of 10):');
for (const id of BUNDLED_RULESET_IDS) {
  const times = timeIt(() => loadRulesetFrom(id), 10, 0);
  const rs = loadRulesetFrom(id);
  console.log(`  ${id.padEnd(10)} ${fmt(quantile(times, 0.5)).padStart(9)}   ${rs.rules.length} rules, ${rs.terms.size} terms`);
  const size = rs.rules.length * 1000 + rs.terms.size;
  if (!largest || size > largest.rules * 1000 + largest.terms) largest = { id, checker: createChecker(rs), rules: rs.rules.length, terms: rs.terms.size };
}
const { checker } = largest!;
console.log(`\nLatency with the largest ruleset (${largest!.id}), varied texts, after warm-up:`);
// A baseline a naive tool would run: one precompiled alternation over the raw text.
const baseline = /\b(?:\d{3}[ -]?\d{3}[ -]?\d{4}|door code|password|tosser|bed \d+)\b/gi;
for (let i = 0; i < 200; i++) checker.check(makeText(3000, i));
console.log('  chars     checker median   p99        baseline median   p99        ratio(median)  throughput');
for (const length of [280, 1000, 3000, 20000]) {
  const texts = Array.from({ length: 16 }, (_, i) => makeText(length, i));
  let k = 0;
  const t = timeIt(() => checker.check(texts[k++ % texts.length]!), 200, 400);
  let b = 0;
  const tb = timeIt(() => {
    baseline.lastIndex = 0;
    const s = texts[b++ % texts.length]!;
    while (baseline.exec(s));
  }, 200, 200);
  const med = quantile(t, 0.5);
  const mbps = length / 1e6 / (med / 1000);
  console.log(`  ${String(length).padEnd(9)} ${fmt(med).padStart(9)}   ${fmt(quantile(t, 0.99)).padStart(9)}    ${fmt(quantile(tb, 0.5)).padStart(9)}   ${fmt(quantile(tb, 0.99)).padStart(9)}    ${(med / quantile(tb, 0.5)).toFixed(1).padStart(6)}x     ${mbps.toFixed(1)} MB/s`);
}

console.log('\nHostile 100,000-character pastes (worst of 5 runs):');
const hostile: Record<string, string> = {
  'one long word': 'a'.repeat(100_000),
  'spaced letters': 'a '.repeat(50_000),
  'dotted letters': 'b.'.repeat(50_000),
  'digits and spaces': '1 '.repeat(50_000),
  'digit run': '9'.repeat(100_000),
  'zero-width soup': 'f\u200bu\u200bc\u200bk '.repeat(12_500),
  'e-mail bait': 'a.'.repeat(40_000) + '@'.repeat(20_000),
  'emoji and leet': '😂 p00f '.repeat(12_500),
  'whitespace': ' \n\t'.repeat(33_334),
  'real posts': makeText(100_000, 3),
};
for (const [name, text] of Object.entries(hostile)) {
  const t = timeIt(() => checker.check(text), 5, 0);
  console.log(`  ${name.padEnd(20)} ${fmt(t[t.length - 1]!).padStart(9)}`);
}

// The extension's own figures (bundle sizes, in-browser timings) when it has been built.
if (existsSync('scripts/bench-ext.ts') && existsSync('dist/chrome/manifest.json')) {
  console.log('');
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-ext.ts'], { stdio: 'inherit' });
}
