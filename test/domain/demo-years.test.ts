import { describe, expect, it } from 'vitest';
import { demoPlanDates, shiftPlanYears } from '../../src/domain/demo-years.ts';

const from2024 = (years: number) => ({ years, writtenFyStart: 2024 });

describe('shiftPlanYears', () => {
  it('moves 4-digit years, financial years, numeric dates and month-year abbreviations together', () => {
    const text = [
      'Kestrel Vale Council improvement plan 2024/25',
      'Gas safety backlog cleared by 31/10/24',
      'Budget consultation 04/11/2024 – 13/12/2024',
      'Balanced budget set by Full Council on 26.02.2025',
      'Damp and mould action plan published 2024-08-30',
      'Data centre migration complete by Feb-25',
      'The 2023/24 accounts signed by end of Q3 2024/25, reported by 2025',
    ].join('\n');
    expect(shiftPlanYears(text, from2024(2))).toBe(
      [
        'Kestrel Vale Council improvement plan 2026/27',
        'Gas safety backlog cleared by 31/10/26',
        'Budget consultation 04/11/2026 – 13/12/2026',
        'Balanced budget set by Full Council on 26.02.2027',
        'Damp and mould action plan published 2026-08-30',
        'Data centre migration complete by Feb-27',
        'The 2025/26 accounts signed by end of Q3 2026/27, reported by 2027',
      ].join('\n'),
    );
  });

  it('re-computes the weekday of a date written without a year, in the financial year it falls in', () => {
    // 18 September 2026 is a Friday; 22 May 2031 a Thursday; 9 October 2019 a Wednesday again.
    expect(shiftPlanYears('Independent review – Wednesday 18th September', from2024(2))).toBe('Independent review – Friday 18th September');
    expect(shiftPlanYears('Case file audit workshop 1 – Wednesday 22nd May', from2024(7))).toBe('Case file audit workshop 1 – Thursday 22nd May');
    expect(shiftPlanYears('Independent assurance review Wednesday 9th October', from2024(-5))).toBe('Independent assurance review Wednesday 9th October');
    // January–March belong to the second calendar year of the financial year: 14 January 2025 → 2030 (a Monday).
    expect(shiftPlanYears('Workshop Tue 14 January', from2024(5))).toBe('Workshop Mon 14 January');
  });

  it('moves a weekday written with its year, several years either way', () => {
    expect(shiftPlanYears('Wednesday 18th September 2024', from2024(6))).toBe('Wednesday 18th September 2030');
    expect(shiftPlanYears('Wednesday 18th September 2024', from2024(-4))).toBe('Friday 18th September 2020');
    expect(shiftPlanYears('by April/May 2024 and w/c 8 July 2024', from2024(-7))).toBe('by April/May 2017 and w/c 8 July 2017');
  });

  it('turns the 29th of February into the 28th in a common year, and back is left alone', () => {
    expect(shiftPlanYears('Thursday 29th February 2024', from2024(1))).toBe('Friday 28th February 2025');
    expect(shiftPlanYears('due 29/02/2024 and 2024-02-29', from2024(4))).toBe('due 29/02/2028 and 2028-02-29');
    expect(shiftPlanYears('due 29/02/2024 and 2024-02-29', from2024(-3))).toBe('due 28/02/2021 and 2021-02-28');
    // Written for 2023/24, so February is February 2024 (a leap year); three years on it is 2027.
    expect(shiftPlanYears('Thursday 29th February', { years: 3, writtenFyStart: 2023 })).toBe('Sunday 28th February');
  });

  it('leaves numbers that are not years alone, and nothing moves by zero', () => {
    const text = 'KPI: Homes without a valid gas safety certificate (number) – baseline 140, target 0; within 20 working days; 8.0';
    expect(shiftPlanYears(text, from2024(3))).toBe(text);
    expect(shiftPlanYears('plan 2024/25', from2024(0))).toBe('plan 2024/25');
  });

  it('moves the demo plan file so that its milestones read as a plan of the new year', async () => {
    const { readFile } = await import('node:fs/promises');
    const plan = await readFile(new URL('../../demo/plan-2024-25.txt', import.meta.url), 'utf8');
    const moved = shiftPlanYears(plan, from2024(2));
    expect(moved).not.toMatch(/\b2024\b|\b2023\b|\/25\b|-25\b/);
    expect(moved).toContain('Independent review of the council\'s governance – Friday 18th September');
    expect(moved).toContain('Scoping workshops with partners on 14/05/26 and 03/06/26');
    expect(shiftPlanYears(moved, { years: -2, writtenFyStart: 2026 })).toBe(plan);
  });
});

describe('demoPlanDates', () => {
  it('puts the plan in the financial year that contains today', () => {
    expect(demoPlanDates('2026-12-01', 2024)).toEqual({ fyStart: 2026, years: 2, period: { from: '2026-04-01', to: '2027-03-31' }, leadIn: false });
    expect(demoPlanDates('2023-03-31', 2024)).toEqual({ fyStart: 2022, years: -2, period: { from: '2022-04-01', to: '2023-03-31' }, leadIn: false });
  });

  it('starts the period a quarter early when today is in the first quarter, so an earlier quarter has ended', () => {
    expect(demoPlanDates('2031-05-10', 2024)).toEqual({ fyStart: 2031, years: 7, period: { from: '2031-01-01', to: '2032-03-31' }, leadIn: true });
    expect(demoPlanDates('2028-04-01', 2024).period.from).toBe('2028-01-01');
    expect(demoPlanDates('2028-07-01', 2024).leadIn).toBe(false);
  });
});
