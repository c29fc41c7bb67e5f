// `npm run fuzz [-- COUNT [SEED]]`: reads COUNT (default 10,000) fuzzed files (bench/fuzz-cases.ts) with the importer and
// reports, for each kind of answer, how many and how long; fails (exit 1) on a crash (an error that is not an
// ImportError with a message), an answer slower than 2 s or a resident set over 300 MB.
import { ImportError, readPlan } from '../src/import/index.ts';
import { fuzzCases } from './fuzz-cases.ts';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20241201);
const SLOW_MS = 2_000;
const MAX_RSS_MB = 300;

const outcomes = new Map<string, { n: number; maxMs: number }>();
const problems: string[] = [];
let maxRss = 0;
let slowest = { ms: 0, name: '' };
const started = performance.now();
let done = 0;

for await (const c of fuzzCases(count, seed)) {
  const t0 = performance.now();
  let outcome: string;
  try {
    const plan = await readPlan(c.bytes, { fileName: c.fileName });
    outcome = `plan (${plan.format})`;
  } catch (err) {
    if (err instanceof ImportError && err.message.trim() !== '') outcome = `refused: ${err.code}`;
    else {
      outcome = 'CRASH';
      problems.push(`${c.name}: crash ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
  const ms = performance.now() - t0;
  if (ms > SLOW_MS) problems.push(`${c.name}: ${ms.toFixed(0)} ms`);
  if (ms > slowest.ms) slowest = { ms, name: c.name };
  const o = outcomes.get(outcome) ?? { n: 0, maxMs: 0 };
  outcomes.set(outcome, { n: o.n + 1, maxMs: Math.max(o.maxMs, ms) });
  const rss = process.memoryUsage().rss / 1024 / 1024;
  maxRss = Math.max(maxRss, rss);
  if (rss > MAX_RSS_MB) problems.push(`${c.name}: RSS ${rss.toFixed(0)} MB`);
  done += 1;
  if (done % 1000 === 0) console.log(`${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

console.log(`\n${done} cases (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const [outcome, o] of [...outcomes].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`  ${outcome.padEnd(24)} ${String(o.n).padStart(6)}   slowest ${o.maxMs.toFixed(0)} ms`);
}
console.log(`  slowest case: ${slowest.name} (${slowest.ms.toFixed(0)} ms); peak RSS ${maxRss.toFixed(0)} MB`);
if (problems.length > 0) {
  console.log(`\n${problems.length} problem(s):\n${problems.slice(0, 50).join('\n')}`);
  process.exitCode = 1;
}
