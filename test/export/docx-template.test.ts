// The Word export: the template's layout, the Area Lead column for a chosen period, statuses in footnotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlanDocx } from '../../src/export/docx-template.ts';
import type { ExportPlan } from '../../src/export/export-plan.ts';
import { readPlan } from '../../src/import/index.ts';
import { nth, realisticPlanDraft } from '../support/fixtures.ts';
import { attr, findAll, partXml, textIn } from './support/office-xml.ts';
import { useReviewedFixturePlan } from './support/reviewed-plan.ts';

describe('Word export in the four-column template', () => {
  const fixture = useReviewedFixturePlan();
  let plan: ExportPlan;
  beforeAll(() => {
    plan = fixture();
  });

  it('is landscape A4 with the template header row, repeated on every page', async () => {
    const doc = partXml(await exportPlanDocx(plan), 'word/document.xml');
    const size = nth(findAll(doc, 'pgSz'), 0);
    expect(attr(size, 'orient')).toBe('landscape');
    expect(Number(attr(size, 'w'))).toBeGreaterThan(Number(attr(size, 'h')));
    const [header, ...rows] = findAll(doc, 'tr');
    if (!header) throw new Error('no table rows');
    expect(findAll([header], 'tblHeader')).toHaveLength(1);
    expect(findAll(findAll([header], 'tc'), 'p').map(textIn)).toEqual([
      'Improvement summary',
      'Summarise the improvement that needs to be made, including KPIs',
      'Milestones',
      'Add key milestones and dates (where possible)',
      'Monitoring process',
      'Note how you will monitor progress',
      'Area Lead progress update',
      'To be completed on a quarterly basis, referencing progress on KPIs',
    ]);
    expect(rows).toHaveLength(3);
    expect(findAll([header], 'b')).toHaveLength(4);
  });

  it('fills the Area Lead column with every period, labelled with its RAG, latest versions and no drafts', async () => {
    const reread = await readPlan(new Uint8Array(await exportPlanDocx(plan, { periodLabel: 'all' })));
    expect(nth(reread.commitments, 0).updates.map((u) => u.text)).toEqual([
      'Q1 2019/20 (Amber): Chair appointed; diversity work “in progress”.',
      '2019/20 Q1 (Amber): Chair appointed late.',
      'Induction under way.',
      '2019/20 Q2 (Green): Diversity target met.',
    ]);
    expect(nth(reread.commitments, 1).updates.map((u) => u.text)).toEqual(['2019/20 Q1 (Red): Workshop postponed; no new date.']);
    expect(nth(reread.commitments, 2).updates).toEqual([]);
  });

  it('fills the Area Lead column from one chosen period', async () => {
    const reread = await readPlan(new Uint8Array(await exportPlanDocx(plan, { periodLabel: '2019/20 Q2' })));
    expect(nth(reread.commitments, 0).updates.map((u) => u.text)).toEqual(['2019/20 Q2 (Green): Diversity target met.']);
  });

  it('refuses a period the plan does not have, naming the ones it has', async () => {
    await expect(exportPlanDocx(plan, { periodLabel: '2020/21 Q1' })).rejects.toThrow(
      'There is no review period "2020/21 Q1" in this plan; it has 2019/20 Q1, 2019/20 Q2',
    );
  });

  it('shows statuses and re-dates as footnotes and keeps the milestone texts as stored', async () => {
    const docx = await exportPlanDocx(plan);
    const notes = findAll(partXml(docx, 'word/footnotes.xml'), 'footnote').map(textIn).filter((t) => t.trim() !== '');
    expect(notes).toEqual([
      'Done on 12 June 2019. Re-dated: now due 30 June 2019 (first agreed 1 April 2019 to 31 May 2019): Recruitment extended.',
      'In progress.',
      'Evidence: 3 July 2019 – Register published https://example.org/register.',
    ]);
    const reread = await readPlan(new Uint8Array(docx));
    // The re-dated milestone comes back due as it is now, with the window first agreed as its baseline.
    const redated = { due: { from: '2019-06-30', to: '2019-06-30' }, baseline: { from: '2019-04-01', to: '2019-05-31' } };
    const expected = realisticPlanDraft().commitments.map((c, i) => c.milestones.map((m, j) => (i === 0 && j === 0 ? { ...m, ...redated } : m)));
    // Whether a year was assumed on reading is the reader's note, not part of what was stored.
    expect(reread.commitments.map((c) => c.milestones.map(({ yearAssumed: _assumed, ...m }) => m))).toEqual(expected);
    expect(reread.commitments.map((c) => c.monitoring)).toEqual(realisticPlanDraft().commitments.map((c) => c.monitoring));
  });

  it('keeps the summary and lists KPIs under it once', async () => {
    const reread = await readPlan(new Uint8Array(await exportPlanDocx(plan)));
    const third = nth(reread.commitments, 2);
    expect(third.title).toBe('We will deliver the Local Industrial Strategy');
    expect(third.kpis.map((k) => k.text)).toEqual(['KPI: GVA growth above the national average', 'KPI: 500 apprenticeships a year']);
    expect(third.summary.split('\n').slice(0, 2)).toEqual(['Second paragraph of the summary.', 'With a line break.']);
  });
});
