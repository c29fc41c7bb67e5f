// Word's text export: the header row ends where the first commitment begins, even when the first row's
// first cell mentions words a header would use ("an improvement board", "progress updates").
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/index.ts';
import { readWordText } from '../../src/import/word-text-reader.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const HEADER = [
  'Improvement summary\n\nSummarise the improvement that needs to be made, including KPIs',
  'Milestones\n\nAdd key milestones and dates (where possible)',
  'Monitoring process\n\nNote how you will monitor progress',
  'Area Lead progress update\n\nTo be completed on a quarterly basis, referencing progress on KPIs\n',
];

const ROWS = [
  [
    '1. We will set up an improvement board that holds the council to account\nThe improvement board meets monthly.',
    '· Improvement board chair appointed by June 2024\n· First meeting of the improvement board 15 July 2024',
    '· Board minutes',
    '',
  ],
  ['2. We will balance the budget', '· Budget set by 26.02.2025', '· Budget monitoring reports', 'Q1 2024/25 (Amber): on track'],
];

function wordText(leadingColumn: boolean): string {
  const lead = leadingColumn ? '\t' : '';
  const rows = ROWS.map((cells) => `${lead}${cells.join('\t')}\n`);
  return ['Improvement plan 2024/25', '', `${lead}${HEADER.join('\t')}\n`, ...rows].join('\n');
}

describe('the header of a Word text export', () => {
  it.each([
    ['with a leading empty column', true],
    ['without a leading column', false],
  ])('stops before a numbered first row about an improvement board, %s', async (_name, leadingColumn) => {
    const plan = await readPlan(encode(wordText(leadingColumn)), { fileName: 'plan.txt' });
    expect(plan.format).toBe('txt');
    expect(plan.commitments.map((c) => [c.number, c.title])).toEqual([
      [1, 'We will set up an improvement board that holds the council to account'],
      [2, 'We will balance the budget'],
    ]);
    expect(plan.commitments[0]?.summary).toBe('The improvement board meets monthly.');
    expect(plan.commitments[0]?.milestones.map((m) => m.text)).toEqual([
      'Improvement board chair appointed by June 2024',
      'First meeting of the improvement board 15 July 2024',
    ]);
    expect(plan.commitments[0]?.monitoring).toEqual([{ text: 'Board minutes' }]);
    expect(plan.commitments[0]?.updates).toEqual([]);
    expect(plan.commitments[1]?.updates).toEqual([{ text: 'Q1 2024/25 (Amber): on track' }]);
    expect(plan.warnings).toEqual([]);
  });

  it('stops at a numbered first cell even when its words name a column not yet seen', () => {
    // Three columns; the first row's first cell would name the "updates" column by its words.
    const text = [
      'Improvement summary\tMilestones\tMonitoring process',
      '1. We will publish progress updates to the improvement board\t· Updates published monthly\t· Website statistics',
      '2. We will answer letters on time\t· Backlog cleared by 30.09.2024\t· Spot checks',
      '',
    ].join('\n');
    const { tables } = readWordText(text);
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.rows ?? [];
    expect(rows.map((row) => row.length)).toEqual([3, 3, 3]);
    expect(rows[1]?.[0]).toEqual(['1. We will publish progress updates to the improvement board']);
    expect(rows[1]?.[1]).toEqual(['· Updates published monthly']);
  });
});
