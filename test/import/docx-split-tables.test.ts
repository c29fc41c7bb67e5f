// A Word plan split over several tables is one plan; a table after it that does not continue it (a signature
// block of the same width) is not part of the plan.
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/index.ts';
import { HEADER_CELLS, makeDocx, table } from './make-docx.ts';

const SIGNATURES = table([
  [['Signed'], ['Name'], ['Position'], ['Date']],
  [[], ['Ada Lovell'], ['Chair'], ['30 April 2021']],
]);

describe('a Word plan in several tables', () => {
  it('joins tables that repeat the header, and leaves out a signature table of the same width', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [
          'Improvement Plan 2021/22',
          table([HEADER_CELLS, [['1. We will fix the roads'], ['Survey by June 2021'], ['Survey report'], []]]),
          'Improvement plan (continued)',
          table([HEADER_CELLS, [['2. We will answer letters'], ['Backlog cleared by 30.09.2021'], ['Spot checks'], []]]),
          'Signed on behalf of the council',
          SIGNATURES,
        ],
      }),
    );
    expect(plan.commitments.map((c) => [c.number, c.title])).toEqual([
      [1, 'We will fix the roads'],
      [2, 'We will answer letters'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('joins a following table without the header when it goes on with a numbered commitment', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [
          table([HEADER_CELLS, [['1. We will fix the roads'], ['Survey by June 2021'], [], []]]),
          table([[['2. We will answer letters'], ['Backlog cleared by 30.09.2021'], [], []]]),
          SIGNATURES,
        ],
      }),
    );
    expect(plan.commitments.map((c) => c.number)).toEqual([1, 2]);
    expect(plan.commitments.flatMap((c) => c.milestones.map((m) => m.text))).toEqual(['Survey by June 2021', 'Backlog cleared by 30.09.2021']);
  });

  it('ends the plan at a signature table even when another plan-like table follows it', async () => {
    const plan = await readPlan(
      makeDocx({
        body: [
          table([HEADER_CELLS, [['1. We will fix the roads'], ['Survey by June 2021'], [], []]]),
          SIGNATURES,
          table([[['2. An appendix row'], ['Not part of the plan'], [], []]]),
        ],
      }),
    );
    expect(plan.commitments.map((c) => c.title)).toEqual(['We will fix the roads']);
  });
});
