// Excel and CSV exports: one sheet or file per entity, real dates, a header row.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCsvZip, exportEntityCsv } from '../../src/export/csv.ts';
import type { ExportPlan } from '../../src/export/export-plan.ts';
import { exportPlanXlsx } from '../../src/export/spreadsheet.ts';
import { useReviewedFixturePlan } from './support/reviewed-plan.ts';

describe('Excel and CSV exports', () => {
  const fixture = useReviewedFixturePlan();
  let plan: ExportPlan;
  beforeAll(() => {
    plan = fixture();
  });

  it('gives one sheet per entity with a bold, frozen header row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportPlanXlsx(plan)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Commitments', 'Milestones', 'KPIs', 'KPI readings', 'Monitoring', 'Updates']);
    for (const sheet of book.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const commitments = book.getWorksheet('Commitments');
    expect(commitments?.getRow(2).values).toEqual([undefined, 1, 'We will provide strong, stable and diverse leadership', 'The Board will reflect the diversity of Lancashire’s business community.', 'Green', 3, 1]);
    expect(commitments?.rowCount).toBe(4);
  });

  it('writes due dates as date cells shown dd/mm/yyyy', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportPlanXlsx(plan)) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Milestones');
    if (!sheet) throw new Error('no Milestones sheet');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const workshop = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(3).value === 'Workshop 1 – Wednesday 15th May');
    if (!workshop) throw new Error('no workshop row');
    const dueBy = workshop.getCell(headers.indexOf('Due by') + 1);
    expect(dueBy.value).toEqual(new Date(Date.UTC(2019, 4, 15)));
    expect(dueBy.numFmt).toBe('dd/mm/yyyy');
    const chair = sheet.getRow(2);
    expect(chair.getCell(headers.indexOf('Status') + 1).value).toBe('Done');
    expect(chair.getCell(headers.indexOf('Done on') + 1).value).toEqual(new Date(Date.UTC(2019, 5, 12)));
    expect(chair.getCell(headers.indexOf('First agreed by') + 1).value).toEqual(new Date(Date.UTC(2019, 4, 31)));
  });

  it('writes CSV that a CSV parser reads back, quotes, commas and line breaks included', () => {
    const records = parse(exportEntityCsv(plan, 'updates'), { columns: true, bom: true }) as Record<string, string>[];
    expect(records.map((r) => [r.Commitment, r['Review period'], r.RAG, r.Update])).toEqual([
      ['1', '', '', 'Q1 2019/20 (Amber): Chair appointed; diversity work “in progress”.'],
      ['1', '2019/20 Q2', 'Green', 'Diversity target met.'],
      ['1', '2019/20 Q1', 'Red', 'First draft, replaced.'],
      ['1', '2019/20 Q1', 'Amber', 'Chair appointed late.\nInduction under way.'],
      ['1', '2019/20 Q2', 'Red', 'Not yet submitted.'],
      ['2', '2019/20 Q1', 'Red', 'Workshop postponed; no new date.'],
    ]);
    const readings = parse(exportEntityCsv(plan, 'kpi-readings'), { columns: true, bom: true }) as Record<string, string>[];
    expect(readings.map((r) => [r.Date, r.Value])).toEqual([['2019-06-30', '25'], ['2019-09-30', '29']]);
  });

  it('zips one CSV per entity', () => {
    const files = unzipSync(exportCsvZip(plan));
    expect(Object.keys(files).sort()).toEqual(['commitments.csv', 'kpi-readings.csv', 'kpis.csv', 'milestones.csv', 'monitoring.csv', 'updates.csv']);
    const milestones = parse(strFromU8(files['milestones.csv'] ?? new Uint8Array()), { columns: true, bom: true }) as Record<string, string>[];
    expect(milestones).toHaveLength(6);
    expect(milestones[2]).toMatchObject({ Milestone: 'Board diversity report – Quarterly', 'Due by': '', Recurrence: 'quarterly' });
  });
});
