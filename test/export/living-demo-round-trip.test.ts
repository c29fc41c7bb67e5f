// Round trip without loss: the living demo (tracked up to a pinned day: milestones done and re-dated, KPI readings,
// signed-off reviews, a draft) exported to Word and read back by the importer gives the same commitments,
// milestones with their current due windows (and, for re-dated ones, their baselines), KPIs, monitoring items
// and Area Lead updates.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { PlanDraft } from '../../src/domain/types.ts';
import { ragLabel } from '../../src/domain/rag.ts';
import { exportPlanFile } from '../../src/services/export-data.ts';
import { readPlan } from '../../src/import/index.ts';
import { ensureDemo } from '../../src/services/demo.ts';
import { addKpi } from '../../src/services/plans.ts';
import type { Store } from '../../src/store/database.ts';
import { getPlan } from '../../src/store/plans-repository.ts';
import { listReviewPeriods } from '../../src/store/review-periods-repository.ts';
import type { PlanDetail, ProgressUpdateRecord } from '../../src/store/records.ts';
import { freshSqliteStore } from '../support/databases.ts';

const TODAY = '2024-11-15';

/** "KPI: 33% women on the Board" and "33% women on the Board" name the same KPI. */
const kpiName = (text: string): string => text.replace(/^\s*KPIs?\s*[:\-–]?\s*/i, '').trim();

/** The updates a Word export carries: not drafts; per review period the current version; imported ones as written. */
function exportedUpdates(updates: readonly ProgressUpdateRecord[], labels: ReadonlyMap<number, string>): string[] {
  const imported = updates.filter((u) => u.reviewPeriodId === null).map((u) => u.narrative);
  const latest = new Map<number, ProgressUpdateRecord>();
  for (const u of updates) {
    if (u.reviewPeriodId === null || u.state === 'draft') continue;
    const seen = latest.get(u.reviewPeriodId);
    if (!seen || u.version > seen.version) latest.set(u.reviewPeriodId, u);
  }
  const ofPeriods = [...latest.values()]
    .sort((a, b) => (labels.get(a.reviewPeriodId ?? 0) ?? '').localeCompare(labels.get(b.reviewPeriodId ?? 0) ?? ''))
    .map((u) => `${labels.get(u.reviewPeriodId ?? 0) ?? ''}${u.rag ? ` (${ragLabel(u.rag)})` : ''}: ${u.narrative}`);
  return [...imported, ...ofPeriods];
}

describe('the living demo, exported to Word and imported again', () => {
  let store: Store;
  let dataDir: string;
  let plan: PlanDetail;
  let draft: PlanDraft;
  let labels: Map<number, string>;

  beforeAll(async () => {
    store = await freshSqliteStore();
    dataDir = await mkdtemp(join(tmpdir(), 'tracker-round-trip-'));
    const config = loadConfig({ DEMO: 'true', DATA_DIR: dataDir });
    const { planId } = await ensureDemo(store, config, { today: TODAY });
    if (planId === null) throw new Error('the demo plan was not created');
    // A KPI added on the pages is named without "KPI:"; the export must still mark it as one.
    const first = (await getPlan(store.db, planId))?.commitments[0];
    if (!first) throw new Error('the demo plan has no commitments');
    await addKpi(store.db, first.id, { text: 'Residents who rate the council well', unit: '%', baseline: 40, target: 55, targetDate: '2025-03-31', direction: 'higher' }, null);
    plan = (await getPlan(store.db, planId)) as PlanDetail;
    labels = new Map((await listReviewPeriods(store.db, planId)).map((p) => [p.id, p.label]));
    const file = await exportPlanFile(store.db, planId, { format: 'docx', today: TODAY });
    draft = await readPlan(new Uint8Array(file.bytes), { fileName: file.fileName });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is a tracked plan: re-dated milestones, KPI readings and signed-off reviews', () => {
    expect(plan.commitments.some((c) => c.milestones.some((m) => m.due?.to !== m.baseline?.to))).toBe(true);
    expect(plan.commitments.some((c) => c.updates.some((u) => u.state === 'signed-off'))).toBe(true);
    expect(plan.commitments.some((c) => c.updates.some((u) => u.state === 'draft'))).toBe(true);
    expect(plan.commitments.flatMap((c) => c.kpis).length).toBeGreaterThan(1);
  });

  it('gives back the plan period and every commitment, in order, with its title', () => {
    expect(draft.period).toEqual(plan.period);
    expect(draft.commitments.map((c) => [c.number, c.title])).toEqual(plan.commitments.map((c) => [c.number, c.title]));
  });

  it('gives back every KPI as a KPI', () => {
    for (const [i, c] of plan.commitments.entries()) {
      expect(draft.commitments[i]?.kpis.map((k) => kpiName(k.text)), `commitment ${c.number}`).toEqual(c.kpis.map((k) => kpiName(k.text)));
    }
  });

  it('gives back each milestone with its current due window, and its baseline when it was re-dated', () => {
    for (const [i, c] of plan.commitments.entries()) {
      const read = draft.commitments[i]?.milestones ?? [];
      expect(read.map((m) => m.text), `commitment ${c.number}`).toEqual(c.milestones.map((m) => m.text));
      for (const [j, m] of c.milestones.entries()) {
        const back = read[j];
        expect(back?.due, m.text).toEqual(m.due);
        expect(back?.recurrence ?? null, m.text).toEqual(m.recurrence);
        expect(back?.baseline === undefined ? back?.due : back.baseline, m.text).toEqual(m.baseline);
      }
    }
  });

  it('gives back the monitoring items and the Area Lead updates, drafts left out', () => {
    for (const [i, c] of plan.commitments.entries()) {
      const back = draft.commitments[i];
      expect(back?.monitoring.map((m) => m.text), `commitment ${c.number}`).toEqual(c.monitoring.map((m) => m.text));
      expect(back?.updates.map((u) => u.text), `commitment ${c.number}`).toEqual(exportedUpdates(c.updates, labels));
    }
  });

  it('keeps re-dating when the re-imported plan is stored', async () => {
    const { savePlanDraft } = await import('../../src/store/plans-repository.ts');
    const copyId = await savePlanDraft(store.db, plan.organisationId, draft, { sourceName: 'round-trip.docx', title: 'Round trip' });
    const copy = (await getPlan(store.db, copyId)) as PlanDetail;
    const dates = (p: PlanDetail) => p.commitments.flatMap((c) => c.milestones.map((m) => [m.text, m.due, m.baseline]));
    expect(dates(copy)).toEqual(dates(plan));
  });
});
