// Our fixture plan (Harrowden Growth Partnership 2021/22, test/fixtures/plans) read in-process from Word's text
// export and from the Word document itself: split plan table, Word numbering, a signature table after the plan.
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/index.ts';
import { bytesOf, PLAN_DOCX, PLAN_TXT } from '../fixtures/plans/fixture-files.ts';

const fromText = await readPlan(bytesOf(PLAN_TXT), { fileName: 'harrowden-2021-22.txt' });
const fromWord = await readPlan(bytesOf(PLAN_DOCX), { fileName: 'harrowden-2021-22.docx' });

describe('the fixture plan', () => {
  it('is recognised as text and as Word from its content', async () => {
    expect(fromText.format).toBe('txt');
    expect(fromWord.format).toBe('docx');
    const unnamed = await readPlan(bytesOf(PLAN_TXT));
    expect(unnamed.format).toBe('txt');
    expect((await readPlan(bytesOf(PLAN_DOCX), { fileName: 'plan.txt' })).format).toBe('docx');
  });

  it('has the seven commitments with their item counts, from both tables of the Word document and not its signature table', () => {
    const counts = fromWord.commitments.map((c) => [c.number, c.milestones.length, c.monitoring.length, c.updates.length]);
    expect(counts).toEqual([
      [1, 9, 3, 0],
      [2, 9, 2, 0],
      [3, 8, 3, 0],
      [4, 8, 2, 0],
      [5, 6, 2, 1],
      [6, 9, 3, 0],
      [7, 5, 2, 1],
    ]);
    const texts = fromWord.commitments.flatMap((c) => [c.title, ...c.milestones.map((m) => m.text), ...c.updates.map((u) => u.text)]);
    expect(texts.filter((t) => /Signed|Priya Okafor|27 April 2021/.test(t))).toEqual([]);
    expect(fromWord.warnings.map((w) => w.message).filter((m) => /no number/.test(m))).toEqual([]);
  });

  it('takes titles without their numbers, the further paragraphs as summary and KPI lines as KPIs', () => {
    const [first, second, third] = fromText.commitments;
    expect(first?.title).toBe('We will give the Partnership stable, accountable and diverse leadership');
    expect(first?.summary).toBe(
      'The Board will reflect the businesses and communities of the Harrowden area, led by a permanent Chair and Chief Executive.\n' +
        'KPI: Women make up at least 40% of Board members by March 2022\n' +
        'KPI: Board meetings quorate (%) – baseline 75%, target 100%',
    );
    expect(first?.kpis).toEqual([
      { text: 'KPI: Women make up at least 40% of Board members by March 2022' },
      { text: 'KPI: Board meetings quorate (%) – baseline 75%, target 100%' },
    ]);
    expect(second?.summary).toBe('We will keep the strategy under review and refresh its evidence base with our partners.');
    expect(second?.kpis).toEqual([]);
    // Bullets under a "KPIs:" heading are KPIs.
    expect(third?.kpis.map((k) => k.text)).toEqual([
      'Unqualified audit opinion on the annual accounts',
      'Grant claims paid within 30 days (%) – baseline 62%, target 90%',
    ]);
  });

  it('keeps item texts as written, without bullets, and drops an empty bullet', () => {
    const milestones = fromText.commitments[1]?.milestones.map((m) => m.text) ?? [];
    expect(milestones).toContain('Workshop 1 – Wednesday 19th May');
    expect(fromText.commitments[2]?.monitoring.map((m) => m.text)).toEqual([
      'Audit Committee minutes',
      'External auditor’s annual letter',
      'Grant payment times in the finance dashboard',
    ]);
    expect(fromWord.commitments[5]?.monitoring.map((m) => m.text)).toEqual([
      'Programme dashboard',
      'Independent assurance reviews of each project',
      'Spend against profile reported to the Investment Panel',
    ]);
    const all = fromText.commitments.flatMap((c) => [...c.milestones, ...c.monitoring].map((i) => i.text));
    expect(all.filter((t) => /^[·•\s-]/.test(t) || /^o /.test(t) || t === '')).toEqual([]);
  });

  it('reads the plan period from the title and the milestone dates', () => {
    expect(fromText.title).toBe('Harrowden Growth Partnership improvement plan 2021/22');
    expect(fromText.period).toEqual({ from: '2021-04-01', to: '2022-03-31' });
    expect(fromText.commitments[0]?.milestones[1]).toEqual({
      text: 'Appointment of a permanent Chair by April/May 2021',
      due: { from: '2021-04-01', to: '2021-05-31' },
      recurrence: null,
    });
    expect(fromText.commitments[1]?.milestones[1]).toEqual({
      text: 'Workshop 1 – Wednesday 19th May',
      due: { from: '2021-05-19', to: '2021-05-19' },
      recurrence: null,
      yearAssumed: true,
    });
    expect(fromText.commitments[2]?.milestones[6]).toMatchObject({ due: null, recurrence: 'quarterly' });
  });

  it('warns about the wrong weekday, the 2012 date that is probably a typo, the TBC and the misspelt month', () => {
    expect(fromText.warnings.map((w) => [w.commitment, w.text])).toEqual([
      [1, 'Governance review reported to the Board, Tuesday 16th September 2021'],
      [4, 'Investment prospectus launch event – date TBC'],
      [5, 'Skills audit of employers reported to the Board on 14 October 2012'],
      [5, 'Local skills report published by Febuary 2022'],
    ]);
  });

  it('gives the same plan from the Word document as from its text export', () => {
    const { format: _t, ...textPlan } = fromText;
    const { format: _w, ...wordPlan } = fromWord;
    expect(JSON.stringify(wordPlan)).toBe(JSON.stringify(textPlan));
  });
});
