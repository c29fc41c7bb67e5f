// A financial year naming what is counted ("the 2025/26 budget", "The 2023/24 accounts") is a label, not a
// date; after "in", "during" or "by", or standing alone, a financial year is still a date.
import { describe, expect, it } from 'vitest';
import { readDatePhrase } from '../../../src/domain/dates/index.ts';

const period = { from: '2024-04-01', to: '2025-03-31' };
const read = (text: string) => readDatePhrase(text, { period });

describe('financial years as labels', () => {
  it.each([
    ['Savings options for the 2025/26 budget'],
    ['The 2023/24 accounts'],
    ['Lessons from the 2023-24 annual report'],
    ['Bids for 2025/26 grant allocations'],
    ['Council tax setting guidance for the 2025/26 council tax'],
  ])('%s: no date, no warning', (text) => {
    expect(read(text)).toMatchObject({ due: null, recurrence: null, warnings: [] });
  });

  it('reads only the date beside the label', () => {
    expect(read('Consultation on the 2025/26 budget opens by mid-December 2024')).toMatchObject({
      due: { from: '2024-12-15', to: '2024-12-15' },
      warnings: [],
    });
    expect(read('The 2023/24 accounts signed by the auditor by end of Q3 2024/25')).toMatchObject({
      due: { from: '2024-12-31', to: '2024-12-31' },
      warnings: [],
    });
  });

  it('does not make the labelled year count towards the plan period', () => {
    const r = read('The 2023/24 accounts signed by the auditor by end of Q3 2024/25');
    expect(r.explicitYears).toEqual([2024, 2025]);
    expect(r.matches.map((m) => m.text)).toEqual(['end of Q3 2024/25']);
  });

  it.each([
    ['Budget savings delivered in 2025/26', '2025-04-01', '2026-03-31'],
    ['Accounts closed during 2024/25', '2024-04-01', '2025-03-31'],
    ['Reserves rebuilt by 2025/26', '2025-04-01', '2026-03-31'],
    ['Budget consultation 2024/25', '2024-04-01', '2025-03-31'],
  ])('%s: still a financial year', (text, from, to) => {
    expect(read(text)).toMatchObject({ due: { from, to }, warnings: [] });
  });
});
