// 500 fuzzed uploads (bench/fuzz-cases.ts, a fixed seed): each gives a plan or an ImportError with a message for
// the user, never a crash. `npm run fuzz` runs 10,000 and reports timings and memory (never asserted here).
import { describe, expect, it } from 'vitest';
import { ImportError, readPlan } from '../../src/import/index.ts';
import { fuzzCases } from '../../bench/fuzz-cases.ts';

describe('fuzzed uploads', () => {
  it('each give a plan or a clear refusal, never a crash (500 cases, seed 500)', async () => {
    const crashes: string[] = [];
    const outcomes = new Map<string, number>();
    let slowest = 0;
    for await (const c of fuzzCases(500, 500)) {
      const started = performance.now();
      let outcome: string;
      try {
        const plan = await readPlan(c.bytes, { fileName: c.fileName });
        outcome = plan.commitments.length > 0 ? 'plan' : 'empty plan';
      } catch (err) {
        if (err instanceof ImportError && err.message.length > 20) outcome = err.code;
        else {
          outcome = 'crash';
          crashes.push(`${c.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      slowest = Math.max(slowest, performance.now() - started);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.log(`fuzz: ${JSON.stringify(Object.fromEntries(outcomes))}; slowest ${slowest.toFixed(0)} ms`);
    expect(crashes).toEqual([]);
    expect(outcomes.get('plan')).toBeGreaterThan(0);
  }, 300_000);
});
