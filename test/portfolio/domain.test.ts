// The roll-up's pure rules: how a rating moved, what counts as a new red, the filters and sorting, and which
// milestones slipped.
import { describe, expect, it } from 'vitest';
import { cellText, changeText, filterAndSort, gridCell, isNewRed, ragChange, type GridRow } from '../../src/domain/portfolio.ts';
import { slippedMilestones, type SlippedMilestoneInput } from '../../src/domain/portfolio-exceptions.ts';

function row(name: string, reds: number, worse: number, overdue: number): GridRow {
  return {
    organisationId: name.length, organisationName: name, plan: { id: name.length, title: `${name} plan` }, periodId: 1, cells: [],
    reds, changes: { better: 0, worse, newRed: 0 }, overdue, outstanding: 0,
  };
}

describe('rating changes', () => {
  it('orders Red < Amber < Green < Blue', () => {
    expect(ragChange('green', 'red')).toBe('worse');
    expect(ragChange('red', 'amber')).toBe('better');
    expect(ragChange('green', 'blue')).toBe('better');
    expect(ragChange('amber', 'amber')).toBe('same');
    expect(ragChange(null, 'red')).toBe('new');
    expect(ragChange('red', null)).toBe('none');
  });

  it('calls a red new when the commitment was not red before, including unrated', () => {
    expect(isNewRed('amber', 'red')).toBe(true);
    expect(isNewRed(null, 'red')).toBe(true);
    expect(isNewRed('red', 'red')).toBe(false);
    expect(isNewRed('red', 'amber')).toBe(false);
  });

  it('sees no change in a plan’s first period', () => {
    const first = gridCell({ id: 1, number: 1, title: 'A' }, { rag: 'red', signedOff: true }, null, false);
    expect(first.change).toBe('new');
    expect(first.newRed).toBe(false);
    expect(changeText(first)).toBe('');
    const later = gridCell({ id: 1, number: 1, title: 'A' }, { rag: 'red', signedOff: true }, { rag: 'green', signedOff: true });
    expect(changeText(later)).toBe('Worse, New red');
  });

  it('says in words whether a rating is signed off', () => {
    expect(cellText({ rag: 'amber', signedOff: true })).toBe('Amber');
    expect(cellText({ rag: 'amber', signedOff: false })).toBe('Amber (not yet signed off)');
    expect(cellText(null)).toBe('No rating');
  });
});

describe('filters and sorting', () => {
  const rows = [row('Cald', 0, 0, 5), row('Ash', 2, 1, 0), row('Brack', 1, 0, 9)];
  const none = { name: '', onlyReds: false, onlyWorsened: false, sort: 'name' as const };

  it('sorts by name, most reds or most overdue', () => {
    expect(filterAndSort(rows, none).map((r) => r.organisationName)).toEqual(['Ash', 'Brack', 'Cald']);
    expect(filterAndSort(rows, { ...none, sort: 'reds' }).map((r) => r.organisationName)).toEqual(['Ash', 'Brack', 'Cald']);
    expect(filterAndSort(rows, { ...none, sort: 'overdue' }).map((r) => r.organisationName)).toEqual(['Brack', 'Cald', 'Ash']);
  });

  it('keeps only names containing the text, only rows with reds, only rows that worsened', () => {
    expect(filterAndSort(rows, { ...none, name: ' ac ' }).map((r) => r.organisationName)).toEqual(['Brack']);
    expect(filterAndSort(rows, { ...none, onlyReds: true }).map((r) => r.organisationName)).toEqual(['Ash', 'Brack']);
    expect(filterAndSort(rows, { ...none, onlyWorsened: true }).map((r) => r.organisationName)).toEqual(['Ash']);
  });
});

describe('slipped milestones', () => {
  const base: Omit<SlippedMilestoneInput, 'milestoneId' | 'due' | 'baseline' | 'status'> = {
    organisationName: 'Ash', planId: 1, planTitle: 'Plan', commitmentNumber: 1, commitmentTitle: 'C', text: 'M',
  };
  const m = (id: number, due: string, baseline: string, status: SlippedMilestoneInput['status']): SlippedMilestoneInput => ({
    ...base, milestoneId: id, due: { from: due, to: due }, baseline: { from: baseline, to: baseline }, status,
  });

  it('keeps open milestones that are overdue or were moved later, the most overdue first', () => {
    const list = [
      m(1, '2026-11-01', '2026-11-01', 'not-started'), // overdue 30 days
      m(2, '2027-01-31', '2026-12-31', 'in-progress'), // moved 31 days later, not overdue
      m(3, '2026-10-01', '2026-09-01', 'in-progress'), // overdue 61 days and moved 30 days
      m(4, '2026-10-01', '2026-10-01', 'done'),
      m(5, '2026-10-01', '2026-10-01', 'dropped'),
      m(6, '2027-01-31', '2027-01-31', 'not-started'),
      m(7, '2027-01-01', '2027-02-01', 'not-started'), // moved earlier: not a slip
    ];
    const slipped = slippedMilestones(list, '2026-12-01');
    expect(slipped.map((s) => [s.milestoneId, s.overdueDays, s.slippedDays])).toEqual([
      [3, 61, 30],
      [1, 30, 0],
      [2, 0, 31],
    ]);
  });
});
