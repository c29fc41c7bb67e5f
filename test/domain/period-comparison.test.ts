import { describe, expect, it } from 'vitest';
import { commitmentChanges, dueAsOf, periodChanges, ragMove, type ComparedCommitment, type ComparedMilestone } from '../../src/domain/period-comparison.ts';

const q2 = { from: '2019-07-01', to: '2019-09-30' };
const afterQ2 = '2019-10-10';

function milestone(id: number, text: string, to: string | null, extra: Partial<ComparedMilestone> = {}): ComparedMilestone {
  return { id, text, due: to ? { from: to, to } : null, status: 'not-started', doneOn: null, redates: [], ...extra };
}

function commitment(extra: Partial<ComparedCommitment>): ComparedCommitment {
  return { id: 1, number: 1, title: 'Leadership', rag: null, previousRag: null, milestones: [], readings: [], ...extra };
}

describe('ragMove', () => {
  it('ranks Red < Amber < Green < Blue', () => {
    expect(ragMove('amber', 'green')).toBe('improved');
    expect(ragMove('green', 'blue')).toBe('improved');
    expect(ragMove('green', 'red')).toBe('worsened');
    expect(ragMove('amber', 'amber')).toBe('unchanged');
    expect(ragMove(null, 'amber')).toBe('first');
    expect(ragMove('amber', null)).toBe('none');
  });
});

describe('dueAsOf', () => {
  const redates = [
    { changedAt: '2019-06-10T09:00:00Z', oldDue: { from: '2019-05-31', to: '2019-05-31' }, newDue: { from: '2019-07-31', to: '2019-07-31' }, reason: 'a' },
    { changedAt: '2019-08-05T09:00:00Z', oldDue: { from: '2019-07-31', to: '2019-07-31' }, newDue: { from: '2019-12-31', to: '2019-12-31' }, reason: 'b' },
  ];
  const current = { from: '2019-12-31', to: '2019-12-31' };
  it('undoes re-dates made after the day', () => {
    expect(dueAsOf(current, redates, '2019-05-01')?.to).toBe('2019-05-31');
    expect(dueAsOf(current, redates, '2019-06-10')?.to).toBe('2019-07-31');
    expect(dueAsOf(current, redates, '2019-06-30')?.to).toBe('2019-07-31');
    expect(dueAsOf(current, redates, '2019-08-05')?.to).toBe('2019-12-31');
    expect(dueAsOf(current, [], '2019-01-01')).toBe(current);
  });
});

describe('commitmentChanges', () => {
  it('lists milestones completed in the period, not before or after it', () => {
    const changes = commitmentChanges(
      commitment({
        milestones: [
          milestone(1, 'Chair appointed', '2019-05-31', { status: 'done', doneOn: '2019-07-15' }),
          milestone(2, 'Workshop', '2019-05-15', { status: 'done', doneOn: '2019-05-15' }),
          milestone(3, 'Register published', '2019-11-30', { status: 'done', doneOn: '2019-10-02' }),
        ],
      }),
      q2,
      '2019-12-01',
    );
    expect(changes.completed).toEqual([{ milestoneId: 1, text: 'Chair appointed', doneOn: '2019-07-15' }]);
  });

  it('counts a milestone as slipped in the period it became overdue in, and only if still open at its end', () => {
    const changes = commitmentChanges(
      commitment({
        milestones: [
          milestone(1, 'Due on the last day of Q1', '2019-06-30'),
          milestone(2, 'Due in Q2, not done', '2019-08-31'),
          milestone(3, 'Due in Q2, done late in Q2', '2019-08-31', { status: 'done', doneOn: '2019-09-15' }),
          milestone(4, 'Due in Q2, done in Q3', '2019-08-31', { status: 'done', doneOn: '2019-10-05' }),
          milestone(5, 'Due on the last day of Q2', '2019-09-30'),
          milestone(6, 'Due in Q1', '2019-05-31'),
          milestone(7, 'Dropped', '2019-08-31', { status: 'dropped' }),
          milestone(8, 'Undated', null),
        ],
      }),
      q2,
      afterQ2,
    );
    expect(changes.slipped.map((s) => s.milestoneId)).toEqual([1, 2, 4]);
  });

  it('judges slippage on the deadline the milestone had at the period end', () => {
    const moved = milestone(1, 'Strategy', '2019-12-31', {
      redates: [{ changedAt: '2019-10-03T10:00:00Z', oldDue: { from: '2019-09-01', to: '2019-09-01' }, newDue: { from: '2019-12-31', to: '2019-12-31' }, reason: 'Late data' }],
    });
    const changes = commitmentChanges(commitment({ milestones: [moved] }), q2, afterQ2);
    expect(changes.slipped).toEqual([{ milestoneId: 1, text: 'Strategy', due: { from: '2019-09-01', to: '2019-09-01' } }]);
    expect(changes.redated).toEqual([]);
  });

  it('lists re-dates made in the period with their reason', () => {
    const moved = milestone(1, 'Strategy', '2019-12-31', {
      redates: [
        { changedAt: '2019-06-30T23:00:00Z', oldDue: null, newDue: { from: '2019-09-30', to: '2019-09-30' }, reason: 'Dated' },
        { changedAt: '2019-08-10T10:00:00Z', oldDue: { from: '2019-09-30', to: '2019-09-30' }, newDue: { from: '2019-12-31', to: '2019-12-31' }, reason: 'Consultation extended' },
      ],
    });
    expect(commitmentChanges(commitment({ milestones: [moved] }), q2, afterQ2).redated).toEqual([
      {
        milestoneId: 1,
        text: 'Strategy',
        oldDue: { from: '2019-09-30', to: '2019-09-30' },
        newDue: { from: '2019-12-31', to: '2019-12-31' },
        reason: 'Consultation extended',
        changedOn: '2019-08-10',
      },
    ]);
  });

  it('lists KPI readings dated in the period, in date order, and only up to today while it runs', () => {
    const readings = [
      { kpiId: 1, kpiName: 'Women on the board', date: '2019-09-30', value: 30 },
      { kpiId: 1, kpiName: 'Women on the board', date: '2019-06-30', value: 25 },
      { kpiId: 2, kpiName: 'Apprenticeships', date: '2019-07-31', value: 120 },
    ];
    const done = commitmentChanges(commitment({ readings }), q2, afterQ2);
    expect(done.readings.map((r) => r.date)).toEqual(['2019-07-31', '2019-09-30']);
    const running = commitmentChanges(commitment({ readings }), q2, '2019-08-15');
    expect(running.readings.map((r) => r.date)).toEqual(['2019-07-31']);
  });
});

describe('periodChanges', () => {
  it('keeps the commitments’ order and totals the changes', () => {
    const result = periodChanges(
      [
        commitment({ id: 1, number: 1, previousRag: 'amber', rag: 'green', milestones: [milestone(1, 'Late', '2019-08-31')] }),
        commitment({ id: 2, number: 2, previousRag: 'green', rag: 'red' }),
        commitment({ id: 3, number: 3, previousRag: null, rag: null }),
      ],
      q2,
      afterQ2,
    );
    expect(result.commitments.map((c) => [c.number, c.rag.move])).toEqual([
      [1, 'improved'],
      [2, 'worsened'],
      [3, 'none'],
    ]);
    expect(result.totals).toEqual({ improved: 1, worsened: 1, completed: 0, slipped: 1, redated: 0, readings: 0 });
  });
});
