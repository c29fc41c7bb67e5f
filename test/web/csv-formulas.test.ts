// CSV downloads never hand a spreadsheet a formula: a cell that starts with =, +, -, @, a tab or a carriage return
// is written with a leading apostrophe, in the public CSV (no sign-in), the signed-in CSV export and the CLI's.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { updateCommitment } from '../../src/store/commitments-repository.ts';
import { updatePlan } from '../../src/store/plans-repository.ts';
import { client, createTestApp, type TestApp } from './support.ts';
import { PASSWORD, seedPlanWithInternals } from './public-plan-seed.ts';

const FORMULAS = {
  minusDigit: "-2+3+cmd|' /C calc'!A0",
  equals: '=HYPERLINK("http://evil.example","Click")',
  plus: '+1+1',
  at: '@SUM(1,1)',
  tab: '\t=1+1',
  cr: '\r=1+1',
};

let t: TestApp;
afterEach(async () => t?.close());

/** Every cell of every record, as a spreadsheet would read it. */
function cells(csv: string): string[] {
  return (parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat();
}

function expectNeutralised(all: string[]): void {
  for (const formula of Object.values(FORMULAS)) {
    expect(all, JSON.stringify(formula)).toContain(`'${formula}`);
    expect(all, JSON.stringify(formula)).not.toContain(formula);
  }
  // Nothing a spreadsheet would run is left.
  expect(all.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
}

async function seeded() {
  t = await createTestApp();
  const seed = await seedPlanWithInternals(t.store.db);
  const [c1, c2, c3] = seed.plan.commitments;
  await updateCommitment(t.store.db, c1!.id, { title: FORMULAS.minusDigit, summary: FORMULAS.equals });
  await updateCommitment(t.store.db, c2!.id, { title: FORMULAS.plus, summary: FORMULAS.at });
  await updateCommitment(t.store.db, c3!.id, { title: FORMULAS.tab, summary: FORMULAS.cr });
  return seed;
}

describe('CSV downloads', () => {
  it('neutralise formulas in the public CSV, "-digit" ones included', async () => {
    const seed = await seeded();
    await updatePlan(t.store.db, seed.plan.id, { published: true });
    const res = await client(t.app).get(`/public/plans/${seed.plan.id}.csv`);
    expect(res.statusCode).toBe(200);
    const all = cells(res.body);
    expect(all).toContain(`'${FORMULAS.minusDigit}`);
    expect(all).toContain(`'${FORMULAS.plus}`);
    expect(all).toContain(`'${FORMULAS.tab}`);
    expect(all).not.toContain(FORMULAS.minusDigit);
    expect(all.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('neutralise formulas in the signed-in CSV export (one file and the zip)', async () => {
    const seed = await seeded();
    const viewer = client(t.app);
    await viewer.signIn(seed.viewer.email, PASSWORD);
    const one = await viewer.get(`/plans/${seed.plan.id}/export/csv?entity=commitments`);
    expect(one.statusCode).toBe(200);
    expectNeutralised(cells(one.body));
    const zip = await t.app.inject({ url: `/plans/${seed.plan.id}/export/csv`, headers: { cookie: viewer.jar.header() } });
    expect(zip.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expectNeutralised(cells(strFromU8(files['commitments.csv']!)));
  });
});
