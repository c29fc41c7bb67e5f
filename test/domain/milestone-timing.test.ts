import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  milestoneTiming,
  milestonesDueWithin,
  nextMilestone,
  overdueMilestones,
  type TimedMilestone,
} from '../../src/domain/milestone-timing.ts';

const today = '2019-06-15';
const by = (to: string, status: TimedMilestone['status'] = 'in-progress', name = to) => ({
  name,
  due: { from: to, to },
  status,
});

describe('milestoneTiming', () => {
  it('classifies by status first', () => {
    expect(milestoneTiming(by('2019-01-01', 'done'), today)).toBe('done');
    expect(milestoneTiming(by('2019-01-01', 'dropped'), today)).toBe('dropped');
  });

  it('is undated without a due window', () => {
    expect(milestoneTiming({ due: null, status: 'not-started' }, today)).toBe('undated');
  });

  it('is overdue only once the deadline (the window end) has passed', () => {
    expect(milestoneTiming(by('2019-06-14'), today)).toBe('overdue');
    expect(milestoneTiming(by('2019-06-15'), today)).toBe('due-soon');
    // A window that started before today but ends later is not overdue.
    expect(milestoneTiming({ due: { from: '2019-04-01', to: '2019-09-30' }, status: 'not-started' }, today)).toBe('upcoming');
  });

  it('is due soon within 30 days by default, or the number of days given', () => {
    expect(milestoneTiming(by('2019-07-15'), today)).toBe('due-soon');
    expect(milestoneTiming(by('2019-07-16'), today)).toBe('upcoming');
    expect(milestoneTiming(by('2019-06-22'), today, 7)).toBe('due-soon');
    expect(milestoneTiming(by('2019-06-23'), today, 7)).toBe('upcoming');
  });
});

describe('daysOverdue', () => {
  it('counts days past the deadline of an open milestone', () => {
    expect(daysOverdue(by('2019-05-31'), today)).toBe(15);
    expect(daysOverdue(by('2019-02-28'), '2019-03-01')).toBe(1);
  });
  it('is 0 when not overdue, done, dropped or undated', () => {
    expect(daysOverdue(by('2019-06-15'), today)).toBe(0);
    expect(daysOverdue(by('2019-05-31', 'done'), today)).toBe(0);
    expect(daysOverdue(by('2019-05-31', 'dropped'), today)).toBe(0);
    expect(daysOverdue({ due: null, status: 'not-started' }, today)).toBe(0);
  });
});

describe('lists', () => {
  const list = [
    by('2019-08-31', 'not-started', 'later'),
    by('2019-05-31', 'in-progress', 'late'),
    by('2019-06-30', 'not-started', 'soon'),
    by('2019-04-30', 'not-started', 'very late'),
    by('2019-06-20', 'done', 'done early'),
    by('2019-06-16', 'dropped', 'dropped'),
    { name: 'undated', due: null, status: 'not-started' as const },
    by('2019-06-15', 'in-progress', 'today'),
  ];

  it('overdueMilestones: open ones past their deadline, longest overdue first', () => {
    expect(overdueMilestones(list, today).map((m) => m.name)).toEqual(['very late', 'late']);
  });

  it('milestonesDueWithin: open ones due from today to N days ahead, soonest first', () => {
    expect(milestonesDueWithin(list, today).map((m) => m.name)).toEqual(['today', 'soon']);
    expect(milestonesDueWithin(list, today, 90).map((m) => m.name)).toEqual(['today', 'soon', 'later']);
    expect(milestonesDueWithin(list, today, 0).map((m) => m.name)).toEqual(['today']);
  });

  it('nextMilestone: the open one with the earliest deadline from today on', () => {
    expect(nextMilestone(list, today)?.name).toBe('today');
    expect(nextMilestone(list, '2019-06-16')?.name).toBe('soon');
    expect(nextMilestone(list, '2019-09-01')).toBeNull();
    expect(nextMilestone([], today)).toBeNull();
  });
});
