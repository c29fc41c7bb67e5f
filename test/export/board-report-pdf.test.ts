// The board report PDF: what a board member reads in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardReportPdf } from '../../src/export/board-report-pdf.ts';
import type { Store } from '../../src/store/database.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { realisticPlanDraft } from '../support/fixtures.ts';
import { flatPdfText } from './support/pdf-text.ts';
import { reviewedPlan } from './support/reviewed-plan.ts';
import { readSeedDraft, storeDraft } from './support/seed-plan.ts';

describe('board report PDF', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshSqliteStore();
  });
  afterAll(() => store.close());

  it('of the demo plan names every commitment and gives the RAG summary, with page numbers', async () => {
    const draft = await readSeedDraft();
    const plan = await storeDraft(store, draft, 'Kestrel Vale Council');
    const pdf = await boardReportPdf(plan, { organisationName: 'Kestrel Vale Council', today: '2024-07-15' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = flatPdfText(pdf);
    expect(text).toContain('Kestrel Vale Council improvement plan 2024/25');
    expect(text).toContain('Report date: 15 July 2024');
    for (const c of draft.commitments) expect(text).toContain(`${c.number}. ${c.title}`);
    expect(text).toContain('9 commitments. Red: 0 Amber: 0 Green: 0 Blue: 0 Not rated: 9');
    const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const total = pages[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(1);
    expect(pages).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it('lists milestones overdue and due soon as of the report date', async () => {
    const plan = await storeDraft(store, realisticPlanDraft(), 'Fixture LEP');
    const text = flatPdfText(await boardReportPdf(plan, { organisationName: 'Fixture LEP', today: '2019-09-20' }));
    const overdue = text.slice(text.indexOf('Overdue on 20 September 2019'), text.indexOf('Due in the next 30 days'));
    expect(overdue).toContain('Appointment of Permanent Chair by April/May 2019');
    expect(overdue).toContain('Workshop 1 – Wednesday 15th May');
    expect(overdue).not.toContain('Assurance framework refreshed');
    const soon = text.slice(text.indexOf('Due in the next 30 days'), text.indexOf('KPIs'));
    expect(soon).toContain('Assurance framework refreshed by end of Q2');
    expect(soon).not.toContain('Draft strategy');
  });

  it('counts RAGs from the latest reviews, charts KPI readings and shows each latest update', async () => {
    const plan = reviewedPlan(await storeDraft(store, realisticPlanDraft(), 'Reviewed LEP'));
    const text = flatPdfText(await boardReportPdf(plan, { organisationName: 'Reviewed LEP', today: '2019-10-15' }));
    expect(text).toContain('3 commitments. Red: 1 Amber: 0 Green: 1 Blue: 0 Not rated: 1');
    expect(text).toContain('Target (dashed line): 33 by 31 Mar 2020. Readings: 30 Jun 2019: 25 %; 30 Sep 2019: 29 %.');
    expect(text).toContain('2019/20 Q2 – Green Diversity target met.');
    expect(text).toContain('2019/20 Q1 – Red Workshop postponed; no new date.');
    expect(text).not.toContain('Not yet submitted.');
    // The done milestone is not overdue, whatever its date.
    expect(text).not.toContain('Appointment of Permanent Chair');
  });
});
