// Plans as Word's text export (other encodings and layouts), CSV and Excel.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/index.ts';

const HEADER = 'Improvement summary\n\nSummarise the improvement\tMilestones\tMonitoring process\tArea Lead progress update\n';

/** Encodes text as Windows-1252 for the characters used here (the curly apostrophe is 0x92). */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '’': 0x92, '‘': 0x91, '–': 0x96, '£': 0xa3 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

describe('Word text export', () => {
  it('reads Windows-1252 with CRLF line ends, a title line and no leading column, rows found by their numbers', async () => {
    const text =
      'Improvement Plan 2022/23\n' +
      HEADER +
      '1) We’ll improve the council’s website\nKPI: 90% of pages rated useful\t· Launch by July 2022\n· Budget £5k agreed\t· User survey\t\n' +
      '2) Train staff\t· Course – end of Q3\t· Attendance\t· Q1 2022/23 (Green): started\n';
    const plan = await readPlan(windows1252(text.replace(/\n/g, '\r\n')), { fileName: 'plan.txt' });
    expect(plan.format).toBe('txt');
    expect(plan.title).toBe('Improvement Plan 2022/23');
    expect(plan.period).toEqual({ from: '2022-04-01', to: '2023-03-31' });
    expect(plan.commitments.map((c) => c.title)).toEqual(['We’ll improve the council’s website', 'Train staff']);
    const [web, staff] = plan.commitments;
    expect(web?.kpis).toEqual([{ text: 'KPI: 90% of pages rated useful' }]);
    expect(web?.milestones.map((m) => m.text)).toEqual(['Launch by July 2022', 'Budget £5k agreed']);
    expect(web?.updates).toEqual([]);
    expect(staff?.milestones[0]?.due).toEqual({ from: '2022-12-31', to: '2022-12-31' });
    expect(staff?.updates).toEqual([{ text: 'Q1 2022/23 (Green): started' }]);
  });

  it('reads UTF-8 with a byte-order mark and "Commitment N:" numbering', async () => {
    const text = '\uFEFF' + HEADER + 'Commitment 1: Cleaner streets\t· Bins emptied weekly\t· Complaints\t\nCommitment 2: Safer parks\t· Lighting by 1st May 2023\t\t\n';
    const plan = await readPlan(new TextEncoder().encode(text));
    expect(plan.commitments.map((c) => [c.number, c.title])).toEqual([
      [1, 'Cleaner streets'],
      [2, 'Safer parks'],
    ]);
    expect(plan.commitments[1]?.milestones[0]?.due).toEqual({ from: '2023-05-01', to: '2023-05-01' });
  });
});

describe('CSV', () => {
  const csv =
    'Improvement summary,Milestones,Monitoring process,Area Lead progress update\n' +
    '"1. We will publish the plan\nKPI: plan read by 500 people","Draft by 10/10/19\nFinal by ""end of March 2020""",Board minutes,\n' +
    '2. We will recruit a Chair,"• Advert in August 2019\n\n• Interviews w/c 9 September 2019",,Q2 2019/20: interviews held\n';

  it('reads quoted multi-line cells, one item per non-empty line', async () => {
    const plan = await readPlan(new TextEncoder().encode(csv), { fileName: 'plan.csv' });
    expect(plan.format).toBe('csv');
    const [publish, chair] = plan.commitments;
    expect(publish?.title).toBe('We will publish the plan');
    expect(publish?.kpis).toEqual([{ text: 'KPI: plan read by 500 people' }]);
    expect(publish?.milestones.map((m) => m.text)).toEqual(['Draft by 10/10/19', 'Final by "end of March 2020"']);
    expect(publish?.milestones[0]?.due).toEqual({ from: '2019-10-10', to: '2019-10-10' });
    expect(chair?.milestones.map((m) => m.text)).toEqual(['Advert in August 2019', 'Interviews w/c 9 September 2019']);
    expect(chair?.monitoring).toEqual([]);
    expect(chair?.updates).toEqual([{ text: 'Q2 2019/20: interviews held' }]);
  });

  it('is recognised as CSV from its content, whatever the file is called', async () => {
    const plan = await readPlan(new TextEncoder().encode(csv), { fileName: 'upload.dat' });
    expect(plan.format).toBe('csv');
    expect(plan.commitments).toHaveLength(2);
  });
});

describe('Excel', () => {
  async function workbook(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('Notes');
    notes.addRow(['Read me first']);
    const sheet = book.addWorksheet('Plan');
    sheet.addRow(['Town Council Improvement Plan 2020/21']);
    sheet.addRow(['Improvement summary', 'Milestones', 'Monitoring process', 'Area Lead progress update']);
    sheet.addRow(['1. Balance the budget\nKPI: reserves above £1m', '• Savings plan by end of Q1\n• Audit in autumn 2020', 'Monthly finance report', '']);
    sheet.addRow(['2. Improve housing', 'Inspection mid-May', '', 'Q1 2020/21 (Red): delayed']);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('finds the plan sheet, its title row and multi-line cells', async () => {
    const plan = await readPlan(await workbook(), { fileName: 'plan.xlsx' });
    expect(plan.format).toBe('xlsx');
    expect(plan.title).toBe('Town Council Improvement Plan 2020/21');
    expect(plan.period).toEqual({ from: '2020-04-01', to: '2021-03-31' });
    const [budget, housing] = plan.commitments;
    expect(budget?.kpis).toEqual([{ text: 'KPI: reserves above £1m' }]);
    expect(budget?.milestones.map((m) => [m.text, m.due?.to])).toEqual([
      ['Savings plan by end of Q1', '2020-06-30'],
      ['Audit in autumn 2020', '2020-11-30'],
    ]);
    expect(budget?.updates).toEqual([]);
    expect(housing?.milestones[0]?.due).toEqual({ from: '2020-05-15', to: '2020-05-15' });
    expect(housing?.updates).toEqual([{ text: 'Q1 2020/21 (Red): delayed' }]);
  });
});
