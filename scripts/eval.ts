/**
 * Scores the checker on labelled posts (default ../shared/corpus/dev.jsonl):
 * flag recall, category recall and false-positive rate, overall, per category
 * and per policy. `--misses` lists what was missed or wrongly flagged.
 *
 *   npm run eval [-- path/to/posts.jsonl] [--misses] [--policy ID]
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createChecker, holdsPost, type Checker, type Site } from '../src/checker/index.js';
import { loadRulesetFrom } from '../src/node/ruleset-files.js';

interface Post {
  id: string;
  policy: string;
  site: Site;
  text: string;
  expect: 'flag' | 'ok';
  categories: string[];
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const onlyPolicy = args.includes('--policy') ? args[args.indexOf('--policy') + 1] : undefined;
const file = resolve(args.find((a) => a.endsWith('.jsonl')) ?? process.env.THINK_TWICE_CORPUS ?? '../shared/corpus/dev.jsonl');
if (!existsSync(file)) {
  console.error(`No labelled posts at ${file}. Pass a .jsonl path or set THINK_TWICE_CORPUS.`);
  process.exit(2);
}
const posts: Post[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Post)
  .filter((p) => !onlyPolicy || p.policy === onlyPolicy);

const checkers = new Map<string, Checker>();
const checkerFor = (id: string): Checker => {
  let c = checkers.get(id);
  if (!c) checkers.set(id, (c = createChecker(loadRulesetFrom(id))));
  return c;
};

type Tally = { hit: number; total: number };
const tally = (): Tally => ({ hit: 0, total: 0 });
const flag = tally();
const cat = tally();
const fp = tally();
const perCategory = new Map<string, Tally>();
const perPolicy = new Map<string, { flag: Tally; fp: Tally }>();
const misses: string[] = [];

for (const p of posts) {
  const result = checkerFor(p.policy).check(p.text, { site: p.site });
  const held = holdsPost(result.verdict);
  const found = new Set<string>(result.findings.filter((f) => holdsPost(f.severity)).map((f) => f.category));
  const pol = perPolicy.get(p.policy) ?? { flag: tally(), fp: tally() };
  perPolicy.set(p.policy, pol);
  if (p.expect === 'flag') {
    flag.total++;
    pol.flag.total++;
    if (held) {
      flag.hit++;
      pol.flag.hit++;
    }
    for (const c of p.categories) {
      const t = perCategory.get(c) ?? tally();
      perCategory.set(c, t);
      t.total++;
      cat.total++;
      if (found.has(c)) {
        t.hit++;
        cat.hit++;
      } else if (showMisses) misses.push(`MISS ${p.id} [${p.policy}] ${c} (found: ${[...found].join(',') || result.verdict}): ${p.text}`);
    }
  } else {
    fp.total++;
    pol.fp.total++;
    if (held) {
      fp.hit++;
      pol.fp.hit++;
      if (showMisses) misses.push(`FP   ${p.id} [${p.policy}] ${result.findings.filter((f) => holdsPost(f.severity)).map((f) => `${f.rule}:"${f.match}"`).join(' ')}: ${p.text}`);
    }
  }
}

const pct = (t: Tally) => (t.total === 0 ? '   -  ' : (t.hit / t.total).toFixed(3));
console.log(`Think Twice eval on ${posts.length} posts (${file})`);
console.log(`flag recall      ${pct(flag)}  (${flag.hit}/${flag.total})   target >= 0.97`);
console.log(`category recall  ${pct(cat)}  (${cat.hit}/${cat.total})   target >= 0.95`);
console.log(`false positives  ${pct(fp)}  (${fp.hit}/${fp.total})   target <= 0.02`);
console.log('\nper category (recall at block/warn):');
for (const [c, t] of [...perCategory].sort()) console.log(`  ${c.padEnd(26)} ${pct(t)}  (${t.hit}/${t.total})`);
console.log('\nper policy:');
for (const [id, t] of [...perPolicy].sort()) console.log(`  ${id.padEnd(10)} flag recall ${pct(t.flag)} (${t.flag.hit}/${t.flag.total})  false positives ${pct(t.fp)} (${t.fp.hit}/${t.fp.total})`);
if (showMisses) console.log(`\n${misses.join('\n')}`);
