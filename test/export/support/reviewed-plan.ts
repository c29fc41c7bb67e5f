// The fixture plan after two quarterly reviews: periods, updates (a superseded version, a draft), a done and
// a re-dated milestone, a milestone in progress, KPI readings and evidence. Built in memory from a stored plan.
import type { Rag, UpdateState } from '../../../src/domain/types.ts';
import type { ExportPlan } from '../../../src/export/export-plan.ts';
import type { ProgressUpdateRecord } from '../../../src/store/records.ts';
import type { Store } from '../../../src/store/database.ts';
import { afterAll, beforeAll } from 'vitest';
import { freshSqliteStore } from '../../support/databases.ts';
import { realisticPlanDraft } from '../../support/fixtures.ts';
import { storeDraft } from './seed-plan.ts';

let nextId = 1000;

export function update(
  commitmentId: number,
  reviewPeriodId: number,
  rag: Rag,
  narrative: string,
  more: Partial<ProgressUpdateRecord> = {},
): ProgressUpdateRecord {
  nextId += 1;
  const state: UpdateState = 'signed-off';
  return {
    id: nextId,
    commitmentId,
    reviewPeriodId,
    version: 1,
    rag,
    narrative,
    kpiRefs: [],
    response: null,
    state,
    correctionReason: null,
    createdBy: null,
    createdAt: '2019-07-10T10:00:00Z',
    updatedAt: '2019-07-10T10:00:00Z',
    ...more,
  };
}

export function reviewedPlan(stored: ExportPlan): ExportPlan {
  const [first, second, ...rest] = stored.commitments;
  if (!first || !second) throw new Error('the fixture needs two commitments');
  const [chair, appraisal, ...others] = first.milestones;
  const [kpi] = first.kpis;
  const [register] = second.monitoring;
  if (!chair || !appraisal || !kpi || !register) throw new Error('fixture milestones, KPIs or monitoring missing');
  return {
    ...stored,
    reviewPeriods: [
      { id: 1, label: '2019/20 Q1', from: '2019-04-01', to: '2019-06-30' },
      { id: 2, label: '2019/20 Q2', from: '2019-07-01', to: '2019-09-30' },
    ],
    redates: [
      { id: 1, milestoneId: chair.id, oldDue: chair.due, newDue: { from: '2019-06-30', to: '2019-06-30' }, reason: 'Recruitment extended', changedBy: null, changedAt: '2019-05-20T09:00:00Z' },
    ],
    kpiReadings: [
      { id: 1, kpiId: kpi.id, date: '2019-06-30', value: 25, note: null, source: null },
      { id: 2, kpiId: kpi.id, date: '2019-09-30', value: 29, note: null, source: null },
    ],
    evidence: [
      { id: 1, monitoringItemId: register.id, milestoneId: null, date: '2019-07-03', note: 'Register published', link: 'https://example.org/register', filePath: null, createdBy: null, createdAt: '2019-07-03T10:00:00Z' },
    ],
    commitments: [
      {
        ...first,
        kpis: [{ ...kpi, unit: '%', baseline: 20, target: 33, targetDate: '2020-03-31' }],
        milestones: [
          { ...chair, due: { from: '2019-06-30', to: '2019-06-30' }, status: 'done', doneOn: '2019-06-12' },
          { ...appraisal, status: 'in-progress' },
          ...others,
        ],
        updates: [
          ...first.updates,
          update(first.id, 2, 'green', 'Diversity target met.'),
          update(first.id, 1, 'red', 'First draft, replaced.'),
          update(first.id, 1, 'amber', 'Chair appointed late.\nInduction under way.', { version: 2 }),
          update(first.id, 2, 'red', 'Not yet submitted.', { version: 2, state: 'draft' }),
        ],
      },
      { ...second, updates: [update(second.id, 1, 'red', 'Workshop postponed; no new date.')] },
      ...rest,
    ],
  };
}

/**
 * For a describe block: before its tests, the fixture plan is stored in a fresh SQLite database and reviewed
 * (see {@link reviewedPlan}); afterwards the database is removed. Returns a getter for the plan.
 */
export function useReviewedFixturePlan(): () => ExportPlan {
  let store: Store | undefined;
  let plan: ExportPlan | undefined;
  beforeAll(async () => {
    store = await freshSqliteStore();
    plan = reviewedPlan(await storeDraft(store, realisticPlanDraft()));
  });
  afterAll(() => store?.close());
  return () => {
    if (!plan) throw new Error('the fixture plan is only there inside the tests');
    return plan;
  };
}
