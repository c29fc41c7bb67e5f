// Outputs that never mislead a board: every output states the date it is as at; a plan whose period has ended is
// shown as at its last day (never "overdue by 2,741 days"); ratings not yet signed off are either left out (board
// report, public page) or labelled "not yet signed off" (overview, Excel/CSV current RAG).
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportAsAt, pageAsAt, parseAsAt } from '../../src/domain/as-at.ts';
import { exportPlanFile } from '../../src/services/export-data.ts';
import { loadUser } from '../../src/services/accounts.ts';
import { planOverview } from '../../src/services/plan-overview.ts';
import { getPublicPlan } from '../../src/services/publishing.ts';
import { planTimeline } from '../../src/services/timeline.ts';
import { findUserByEmail } from '../../src/store/users-repository.ts';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { client } from '../web/support.ts';
import { reviewedDemoAppForAllTests } from '../services/reviewed-demo.ts';
import { flatPdfText } from './support/pdf-text.ts';

const PLAN = { from: '2024-04-01', to: '2025-03-31' };

describe('the as-at date', () => {
  it('is today while the plan runs or before it starts, and its last day once it has ended', () => {
    expect(pageAsAt('2024-10-20', PLAN)).toEqual({ date: '2024-10-20', reason: 'today' });
    expect(pageAsAt('2024-01-05', PLAN)).toEqual({ date: '2024-01-05', reason: 'today' });
    expect(pageAsAt('2032-06-01', PLAN)).toEqual({ date: '2025-03-31', reason: 'plan-ended' });
    expect(pageAsAt('2032-06-01', PLAN, '2024-12-31')).toEqual({ date: '2024-12-31', reason: 'chosen' });
    expect(pageAsAt('2032-06-01', null)).toEqual({ date: '2032-06-01', reason: 'today' });
  });

  it('of an export after the plan has ended is the end of the latest signed-off period, else the plan’s end', () => {
    expect(exportAsAt('2024-10-20', PLAN, ['2024-06-30'])).toEqual({ date: '2024-10-20', reason: 'today' });
    expect(exportAsAt('2032-06-01', PLAN, ['2024-06-30', '2024-09-30'])).toEqual({ date: '2024-09-30', reason: 'latest-signed-off' });
    expect(exportAsAt('2032-06-01', PLAN, [])).toEqual({ date: '2025-03-31', reason: 'plan-ended' });
    expect(exportAsAt('2032-06-01', PLAN, ['2024-06-30'], '2025-01-15')).toEqual({ date: '2025-01-15', reason: 'chosen' });
  });

  it('is read only from a real date written YYYY-MM-DD', () => {
    expect(parseAsAt('2025-03-31')).toBe('2025-03-31');
    for (const bad of ['2025-02-30', '31/03/2025', '2025-3-31', '', 'today', '0001-01-01']) expect(parseAsAt(bad)).toBeNull();
  });
});

describe('outputs of a reviewed plan', () => {
  const t = reviewedDemoAppForAllTests();

  const viewer = async () => {
    const row = await findUserByEmail(t.store.db, 'viewer@demo.example');
    const user = row && (await loadUser(t.store.db, row.id));
    if (!user) throw new Error('no viewer');
    return user;
  };

  it('shows an ended plan as at its last day on the overview, timeline and commitment page', async () => {
    const user = await viewer();
    const overview = await planOverview(t.store.db, user, t.ids.planId, { today: '2032-06-01' });
    expect(overview?.today).toBe('2025-03-31');
    expect(overview?.asAtReason).toBe('plan-ended');
    // Nothing can be overdue by more than the plan's own length.
    for (const m of overview?.overdue ?? []) expect(m.days).toBeLessThanOrEqual(366);
    const timeline = await planTimeline(t.store.db, user, t.ids.planId, '2032-06-01');
    expect(timeline?.today).toBe('2025-03-31');

    process.env.TRACKER_TODAY = '2032-06-01';
    const browser = client(t.app);
    await browser.signIn('viewer@demo.example', DEMO_ACCOUNTS.find((a) => a.email === 'viewer@demo.example')?.password ?? '');
    const page = (await browser.get(`/plans/${t.ids.planId}`)).body;
    expect(page).toContain('Milestones as of 31 March 2025');
    expect(page).toContain('The plan’s period ended on 31 March 2025');
    const commitment = (await browser.get(`/commitments/${t.ids.c1}`)).body;
    expect(commitment).toContain('As at 31 March 2025, the last day of the plan’s period, which has ended.');
    expect(commitment).not.toMatch(/overdue by [\d,]{4,} days/i);
  });

  it('labels a submitted rating "not yet signed off" on the overview; the public page shows signed-off ones only', async () => {
    const overview = await planOverview(t.store.db, await viewer(), t.ids.planId, { today: '2024-10-20' });
    const [first, second] = overview?.commitments ?? [];
    expect(first?.rag).toMatchObject({ rag: 'amber', periodLabel: '2024/25 Q2', signedOff: false });
    // The reviewer's red draft never becomes the rating a commitment stands at.
    expect(second?.rag).toMatchObject({ rag: 'green', periodLabel: '2024/25 Q1', signedOff: true });
    const published = await getPublicPlan(t.store.db, t.ids.planId, '2024-10-20');
    expect(published?.asAt).toBe('2024-10-20');
    expect(published?.commitments[0]?.latestUpdate).toMatchObject({ periodLabel: '2024/25 Q1', rag: 'green' });
  });

  it('states the as-at date in the PDF, Word, Excel, CSV zip and JSON, and counts only signed-off ratings in the board report', async () => {
    const request = { today: '2032-06-01' };
    const pdf = await exportPlanFile(t.store.db, t.ids.planId, { ...request, format: 'pdf' });
    // After the plan's end: the end of the latest signed-off period (Q1).
    expect(pdf.asAt).toEqual({ date: '2024-06-30', reason: 'latest-signed-off' });
    const pdfText = flatPdfText(pdf.bytes);
    expect(pdfText).toContain('As at 30 June 2024');
    expect(pdfText).toContain('Green: 9');

    const inPlan = await exportPlanFile(t.store.db, t.ids.planId, { today: '2024-10-20', format: 'pdf' });
    const current = flatPdfText(inPlan.bytes);
    expect(current).toContain('As at 20 October 2024');
    expect(current).toContain('Amber: 0 Green: 9');
    expect(current).toContain('1 commitment has an update submitted but not yet signed off');

    const docx = await exportPlanFile(t.store.db, t.ids.planId, { ...request, format: 'docx', asAt: '2025-01-15' });
    expect(strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml'] ?? new Uint8Array())).toContain('As at 15 January 2025');

    const xlsx = await exportPlanFile(t.store.db, t.ids.planId, { today: '2024-10-20', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const aboutSheet = book.getWorksheet('About');
    expect(aboutSheet?.getRow(2).getCell(1).value).toBe('As at');
    expect(aboutSheet?.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2024, 9, 20)));
    expect(book.getWorksheet('Commitments')?.getRow(2).getCell(4).value).toBe('Amber (not yet signed off)');
    expect(book.getWorksheet('Commitments')?.getRow(3).getCell(4).value).toBe('Green');

    const zip = await exportPlanFile(t.store.db, t.ids.planId, { ...request, format: 'csv' });
    const about = strFromU8(unzipSync(new Uint8Array(zip.bytes))['about.csv'] ?? new Uint8Array());
    expect(about).toContain('As at,2024-06-30');

    const json = JSON.parse((await exportPlanFile(t.store.db, t.ids.planId, { ...request, format: 'json' })).bytes.toString('utf8')) as { asAt: string };
    expect(json.asAt).toBe('2024-06-30');
  });

  it('lets the export page choose the report date, carries it on every download and refuses a date that is not one', async () => {
    process.env.TRACKER_TODAY = '2032-06-01';
    const browser = client(t.app);
    await browser.signIn('viewer@demo.example', DEMO_ACCOUNTS.find((a) => a.email === 'viewer@demo.example')?.password ?? '');
    const page = (await browser.get(`/plans/${t.ids.planId}/export`)).body;
    expect(page).toContain('Files are as at <strong>30 June 2024</strong>: the end of the latest signed-off review period, as the plan has ended.');
    const chosen = (await browser.get(`/plans/${t.ids.planId}/export?asAt=2024-12-31`)).body;
    expect(chosen).toContain('Files are as at <strong>31 December 2024</strong>: the date you chose.');
    expect(chosen).toContain(`/plans/${t.ids.planId}/export/pdf?asAt=2024-12-31`);
    expect(chosen).toContain('<input type="hidden" name="asAt" value="2024-12-31">');
    const file = await browser.get(`/plans/${t.ids.planId}/export/json?asAt=2024-12-31`);
    expect(file.headers['x-as-at']).toBe('2024-12-31');
    expect((JSON.parse(file.body) as { asAt: string }).asAt).toBe('2024-12-31');
    const wrong = await browser.get(`/plans/${t.ids.planId}/export/pdf?asAt=2024-02-30`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Select a report date from the list');
  });
});
