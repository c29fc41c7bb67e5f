// The JSON export matches its documented schema and carries the plan.
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPlan } from '../../src/export/export-plan.ts';
import { exportPlanJson, PLAN_JSON_SCHEMA } from '../../src/export/plan-json.ts';
import type { Store } from '../../src/store/database.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { nth, realisticPlanDraft } from '../support/fixtures.ts';
import { reviewedPlan } from './support/reviewed-plan.ts';
import { readSeedDraft, storeDraft } from './support/seed-plan.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile(PLAN_JSON_SCHEMA);

describe('JSON export', () => {
  let store: Store;
  let reviewed: ExportPlan;
  beforeAll(async () => {
    store = await freshSqliteStore();
    reviewed = reviewedPlan(await storeDraft(store, realisticPlanDraft(), 'Reviewed LEP'));
  });
  afterAll(() => store.close());

  it('of the demo plan and of a reviewed plan match the documented schema', async () => {
    const seed = await storeDraft(store, await readSeedDraft(), 'Kestrel Vale Council');
    for (const plan of [seed, reviewed]) {
      const valid = validate(JSON.parse(exportPlanJson(plan)));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('keeps the import contract fields and adds statuses, re-dates, readings and evidence', () => {
    const json = JSON.parse(exportPlanJson(reviewed));
    const first = nth(json.commitments as { milestones: unknown[]; kpis: unknown[]; monitoring: unknown[]; updates: unknown[] }[], 0);
    expect(first.milestones[0]).toMatchObject({
      text: 'Appointment of Permanent Chair by April/May 2019',
      due: { from: '2019-06-30', to: '2019-06-30' },
      baseline: { from: '2019-04-01', to: '2019-05-31' },
      recurrence: null,
      status: 'done',
      doneOn: '2019-06-12',
      redates: [{ reason: 'Recruitment extended', to: { from: '2019-06-30', to: '2019-06-30' } }],
    });
    expect(first.kpis[0]).toMatchObject({ text: 'KPI: 33% of Board members are women by 2020', readings: [{ date: '2019-06-30', value: 25 }, { date: '2019-09-30', value: 29 }] });
    expect(first.updates).toContainEqual(expect.objectContaining({ reviewPeriod: '2019/20 Q2', rag: 'green', text: 'Diversity target met.' }));
    const second = nth(json.commitments as { monitoring: unknown[] }[], 1);
    expect(second.monitoring[0]).toEqual({
      id: expect.any(Number),
      text: 'Published register of interests',
      evidence: [{ date: '2019-07-03', note: 'Register published', link: 'https://example.org/register', hasFile: false }],
    });
  });

  it('fails the schema when a required field is missing or a date is not ISO', () => {
    const json = JSON.parse(exportPlanJson(reviewed));
    delete json.commitments[0].milestones[0].text;
    json.commitments[1].milestones[0].due.to = '15/05/2019';
    expect(validate(json)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/commitments/0/milestones/0', '/commitments/1/milestones/0/due/to']),
    );
  });
});
