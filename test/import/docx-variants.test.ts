// Word documents other than the fixture plans: literal bullets, no leading column, a title before the table, Word list
// numbering, line breaks and tabs inside cells, nested runs, several numbering styles.
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/index.ts';
import { HEADER_CELLS, listPara, makeDocx, table } from './make-docx.ts';

describe('a Word plan with literal bullets and a title paragraph', () => {
  const bytes = makeDocx({
    body: [
      'Borough Council',
      'Improvement Plan 2021/22',
      table([
        HEADER_CELLS,
        [
          ['1. We will fix the roads', 'KPI: potholes repaired within 48 hours', 'More text about roads'],
          ['• Survey finished by end April', '• ', '•Contract let in Q3', '· Review – Wednesday 15th September'],
          ['- Monthly report to Cabinet'],
          [''],
        ],
        [
          ['2. We will answer letters'],
          ['▪ Backlog cleared by 30.09.2021'],
          ['o Spot checks'],
          ['Q1 2021/22 (Amber): backlog halved'],
        ],
      ]),
      'Text after the table',
    ],
  });

  it('reads the title and the financial year it names', async () => {
    const plan = await readPlan(bytes);
    expect(plan.format).toBe('docx');
    expect(plan.title).toBe('Improvement Plan 2021/22');
    expect(plan.period).toEqual({ from: '2021-04-01', to: '2022-03-31' });
  });

  it('strips literal bullets, drops empty ones, and places dates without a year in the plan year', async () => {
    const [roads, letters] = (await readPlan(bytes)).commitments;
    expect(roads?.milestones.map((m) => m.text)).toEqual([
      'Survey finished by end April',
      'Contract let in Q3',
      'Review – Wednesday 15th September',
    ]);
    expect(roads?.milestones[0]?.due).toEqual({ from: '2021-04-30', to: '2021-04-30' });
    expect(roads?.milestones[1]?.due).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    expect(roads?.monitoring).toEqual([{ text: 'Monthly report to Cabinet' }]);
    expect(roads?.updates).toEqual([]);
    expect(letters?.monitoring).toEqual([{ text: 'Spot checks' }]);
    expect(letters?.updates).toEqual([{ text: 'Q1 2021/22 (Amber): backlog halved' }]);
  });

  it('puts lines starting "KPI" into kpis, keeping them in the summary', async () => {
    const [roads] = (await readPlan(bytes)).commitments;
    expect(roads?.title).toBe('We will fix the roads');
    expect(roads?.kpis).toEqual([{ text: 'KPI: potholes repaired within 48 hours' }]);
    expect(roads?.summary).toBe('KPI: potholes repaired within 48 hours\nMore text about roads');
  });
});

describe('Word structure inside cells', () => {
  const paragraphWithBreaks =
    '<w:p><w:r><w:t>First line</w:t><w:br/><w:t>Second line by June 2020</w:t></w:r></w:p>';
  const paragraphWithTab = '<w:p><w:r><w:t>Audit</w:t><w:tab/><w:t>report</w:t></w:r></w:p>';
  const nestedRuns =
    '<w:p><w:hyperlink r:id="rId1"><w:r><w:t xml:space="preserve">See the </w:t></w:r><w:r><w:t>website</w:t></w:r></w:hyperlink>' +
    '<w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r></w:p>';

  it('makes each line break a separate item, a tab a space, and reads runs inside links', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [table([HEADER_CELLS, [['Commitment 1: Better data'], [paragraphWithBreaks], [paragraphWithTab, nestedRuns], []]])],
      }),
    );
    const [c] = plan.commitments;
    expect(c?.number).toBe(1);
    expect(c?.title).toBe('Better data');
    expect(c?.milestones.map((m) => m.text)).toEqual(['First line', 'Second line by June 2020']);
    expect(c?.monitoring.map((m) => m.text)).toEqual(['Audit report', 'See the website']);
  });

  it('uses Word list numbering: bullets are dropped, automatic numbers number the commitments', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [
          table([
            HEADER_CELLS,
            [[listPara('Cut waiting times', 2)], [listPara('Pilot in spring 2020', 1), listPara('', 1)], [listPara('Board report', 1)], []],
            [[listPara('Open the new centre', 2)], [listPara('Opening in autumn 2020', 1)], [], []],
          ]),
        ],
      }),
    );
    expect(plan.commitments.map((c) => [c.number, c.title])).toEqual([
      [1, 'Cut waiting times'],
      [2, 'Open the new centre'],
    ]);
    expect(plan.commitments[0]?.milestones).toEqual([
      { text: 'Pilot in spring 2020', due: { from: '2020-03-01', to: '2020-05-31' }, recurrence: null },
    ]);
    expect(plan.commitments[0]?.monitoring).toEqual([{ text: 'Board report' }]);
  });

  it('takes the title from the document properties and reads "1)" numbering', async () => {
    const plan = await readPlan(
      makeDocx({
        title: 'Recovery plan 2020-21',
        body: [table([HEADER_CELLS, [['1) Recover income'], ['Budget agreed by end of Q2'], [], []]])],
      }),
    );
    expect(plan.title).toBe('Recovery plan 2020-21');
    expect(plan.period).toEqual({ from: '2020-04-01', to: '2021-03-31' });
    expect(plan.commitments[0]).toMatchObject({ number: 1, title: 'Recover income' });
    expect(plan.commitments[0]?.milestones[0]?.due).toEqual({ from: '2020-09-30', to: '2020-09-30' });
  });

  it('finds the plan table after other tables and with a leading empty column', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [
          table([[['Version'], ['1.2']]]),
          table([
            [[], ...HEADER_CELLS],
            [[], ['3. Listen to residents'], ['Survey by March 2021'], ['Results published'], ['On track']],
          ]),
        ],
      }),
    );
    expect(plan.commitments).toHaveLength(1);
    expect(plan.commitments[0]).toMatchObject({
      number: 3,
      title: 'Listen to residents',
      monitoring: [{ text: 'Results published' }],
      updates: [{ text: 'On track' }],
    });
  });

  it('numbers unnumbered commitments in order with a warning, and joins a row without a summary to the one above', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [
          table([
            HEADER_CELLS,
            [['Commitment 4: Greener fleet', 'KPIs:', '• Fleet emissions down 10%', '• Ten electric vans', 'Context text'], ['Order vans'], [], []],
            [[], ['Charging points installed'], ['Mileage log'], []],
            [['Better procurement'], ['New rules adopted'], [], []],
          ]),
        ],
      }),
    );
    expect(plan.commitments.map((c) => [c.number, c.title])).toEqual([
      [4, 'Greener fleet'],
      [5, 'Better procurement'],
    ]);
    expect(plan.commitments[0]?.kpis).toEqual([{ text: 'Fleet emissions down 10%' }, { text: 'Ten electric vans' }]);
    expect(plan.commitments[0]?.milestones.map((m) => m.text)).toEqual(['Order vans', 'Charging points installed']);
    expect(plan.commitments[0]?.monitoring).toEqual([{ text: 'Mileage log' }]);
    expect(plan.warnings).toContainEqual({ commitment: 5, text: 'Better procurement', message: expect.stringMatching(/no number/) });
  });
});
