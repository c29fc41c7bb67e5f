// Benchmarks (`npm run bench`): importing our fixture Word plan (Harrowden Growth Partnership 2021/22, written
// by test/fixtures/plans/make-harrowden-plan.ts) with readPlan, against mammoth only extracting its raw text
// from the same bytes. The importer should take at most 1.5× mammoth's time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { readPlan } from '../src/import/index.ts';

const PLAN = fileURLToPath(new URL('../test/fixtures/plans/harrowden-2021-22.docx', import.meta.url));
const WARM_UP = 20;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const LIMIT = 1.5;

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
}

const bytes = new Uint8Array(readFileSync(PLAN));
const buffer = Buffer.from(bytes);
const ours = await medianMs(() => readPlan(bytes, { fileName: 'harrowden-2021-22.docx' }));
const theirs = await medianMs(() => mammoth.extractRawText({ buffer }));
const ratio = ours / theirs;

const rows: [string, string][] = [
  ['readPlan (whole import)', `${ours.toFixed(2)} ms`],
  ['mammoth.extractRawText', `${theirs.toFixed(2)} ms`],
  ['ratio (ours / mammoth)', `${ratio.toFixed(2)}× (limit ${LIMIT}×)`],
];
const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(`Fixture .docx (${bytes.length} bytes), median of ${ITERATIONS} runs after ${WARM_UP} warm-up runs\n`);
for (const [name, value] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value}\n`);
process.stdout.write(ratio <= LIMIT ? 'OK: within the limit\n' : 'SLOWER than the limit\n');
process.exitCode = ratio <= LIMIT ? 0 : 1;
