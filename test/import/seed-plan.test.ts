// The seed plan (Lancashire LEP 2019/20) read from Word's text export and from the Word document itself.
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/index.ts';
import { SEED_DOCX, SEED_TXT, bytesOf } from './seed-files.ts';

const fromText = await readPlan(bytesOf(SEED_TXT), { fileName: 'lancashire-lep-2019.txt' });
const fromWord = await readPlan(bytesOf(SEED_DOCX), { fileName: 'lancashire-lep-2019.docx' });

describe('the seed plan', () => {
  it('is recognised as text and as Word from its content', async () => {
    expect(fromText.format).toBe('txt');
    expect(fromWord.format).toBe('docx');
    const unnamed = await readPlan(bytesOf(SEED_TXT));
    expect(unnamed.format).toBe('txt');
  });

  it('has the nine commitments with their item counts', () => {
    const counts = fromText.commitments.map((c) => [c.number, c.milestones.length, c.monitoring.length, c.updates.length]);
    expect(counts).toEqual([
      [1, 9, 7, 0],
      [2, 18, 5, 0],
      [3, 4, 2, 0],
      [4, 4, 4, 0],
      [5, 5, 2, 0],
      [6, 5, 3, 0],
      [7, 11, 5, 0],
      [8, 1, 1, 0],
      [9, 2, 3, 0],
    ]);
  });

  it('takes titles without their numbers and the further paragraphs as summary', () => {
    const [first, second] = fromText.commitments;
    expect(first?.title).toBe('We will provide strong, stable and diverse leadership');
    expect(first?.summary).toBe('');
    expect(second?.title).toBe('We will demonstrate a clear timeline for the development of Lancashire’s Local Industrial Strategy');
    expect(second?.summary).toBe(
      'We will refine the LIS and other strategies regularly, maintain and update them, with regular inputs from stakeholders.',
    );
    expect(fromText.commitments[6]?.summary).toBe('We will regularly review MP engagement strategy');
  });

  it('keeps item texts as written, without bullets', () => {
    const milestones = fromText.commitments[1]?.milestones.map((m) => m.text) ?? [];
    expect(milestones).toContain('Workshop 1 – Wednesday 15th May');
    expect(fromText.commitments[4]?.monitoring.map((m) => m.text)).toContain(
      'These opportunities will be repeated in further phases of the development and the delivery of the LIS to secure continuous adaptation and ‘buy’ in to it.',
    );
    const all = fromText.commitments.flatMap((c) => [...c.milestones, ...c.monitoring].map((i) => i.text));
    expect(all.filter((t) => /^[·•\s]/.test(t) || t === '')).toEqual([]);
  });

  it('reads the plan period and the milestone dates', () => {
    expect(fromText.period).toEqual({ from: '2019-04-01', to: '2020-03-31' });
    const first = fromText.commitments[0]?.milestones[0];
    expect(first).toEqual({
      text: 'Appointment of Permanent Chair by April/May 2019',
      due: { from: '2019-04-01', to: '2019-05-31' },
      recurrence: null,
    });
    expect(fromText.commitments[7]?.milestones[0]).toMatchObject({ due: null, recurrence: 'quarterly' });
  });

  it('warns about the 2018 date that is probably a typo', () => {
    expect(fromText.warnings).toHaveLength(1);
    expect(fromText.warnings[0]).toMatchObject({ commitment: 2 });
    expect(fromText.warnings[0]?.text).toContain('14/03/18');
  });

  it('gives the same plan from the Word document as from its text export', () => {
    const { format: _t, ...textPlan } = fromText;
    const { format: _w, ...wordPlan } = fromWord;
    expect(JSON.stringify(wordPlan)).toBe(JSON.stringify(textPlan));
  });
});
