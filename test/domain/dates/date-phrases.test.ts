// One test per row of the import format's table of dates as people write them, with the table's own examples,
// read in a 2019/20 plan (1 April 2019 – 31 March 2020).
import { describe, expect, it } from 'vitest';
import { readDatePhrase } from '../../../src/domain/dates/index.ts';

const period = { from: '2019-04-01', to: '2020-03-31' };
const read = (text: string) => readDatePhrase(text, { period });
const due = (text: string) => read(text).due;
const window = (from: string, to = from) => ({ from, to });

describe('readDatePhrase: the spec date table', () => {
  it.each([
    ['1st May 2019', '2019-05-01'],
    ['15 Aug 2019', '2019-08-15'],
    ['30.09.2019', '2019-09-30'],
    ['10/10/19', '2019-10-10'],
    ['2019-09-30', '2019-09-30'],
    ['03/04/19', '2019-04-03'],
    ['the 2nd of March 2020', '2020-03-02'],
    ['15-Aug-19', '2019-08-15'],
    ['May 15th, 2019', '2019-05-15'],
  ])('explicit day, UK day first: %s', (text, date) => {
    expect(due(text)).toEqual(window(date));
  });

  it.each([
    ['by September 2019', '2019-09-01', '2019-09-30'],
    ['July 2019', '2019-07-01', '2019-07-31'],
    ['Sept 2019', '2019-09-01', '2019-09-30'],
    ['Feb-20', '2020-02-01', '2020-02-29'],
    ['February 2019', '2019-02-01', '2019-02-28'],
    ["Feb '21", '2021-02-01', '2021-02-28'],
  ])('a month: %s', (text, from, to) => {
    expect(due(text)).toEqual(window(from, to));
  });

  it.each([
    ['by April/May 2019', '2019-04-01', '2019-05-31'],
    ['April–June 2019', '2019-04-01', '2019-06-30'],
    ['April to June 2019', '2019-04-01', '2019-06-30'],
    ['Nov-Feb 2020', '2019-11-01', '2020-02-29'],
  ])('a span of months: %s', (text, from, to) => {
    expect(due(text)).toEqual(window(from, to));
  });

  it.each([
    ['end April 2019', '2019-04-30'],
    ['end of September 2019', '2019-09-30'],
    ['by the end of February 2020', '2020-02-29'],
    ['end-June 2019', '2019-06-30'],
  ])('"end (of)" a month is its last day: %s', (text, date) => {
    expect(due(text)).toEqual(window(date));
  });

  it.each([['mid-May 2019'], ['mid May 2019'], ['middle of May 2019']])('"mid" a month is the 15th: %s', (text) => {
    expect(due(text)).toEqual(window('2019-05-15'));
  });

  it('w/c: from the Monday to that week’s Friday (the working week)', () => {
    expect(due('w/c 8 July 2019')).toEqual(window('2019-07-08', '2019-07-12'));
    expect(due('week commencing 08/07/2019')).toEqual(window('2019-07-08', '2019-07-12'));
    expect(read('w/c 8 July 2019').warnings).toEqual([]);
  });

  it('a dash between two dates is a range', () => {
    expect(due('04/11/2019 – 13/12/2019')).toEqual(window('2019-11-04', '2019-12-13'));
    expect(due('04/11/2019-13/12/2019')).toEqual(window('2019-11-04', '2019-12-13'));
    expect(due('1–5 July 2019')).toEqual(window('2019-07-01', '2019-07-05'));
  });

  it('a label, a dash and one date is that date, not a range', () => {
    expect(due('Workshop 1 – Wednesday 15th May')).toEqual(window('2019-05-15'));
    expect(read('Workshop 1 – Wednesday 15th May').matches.map((m) => m.text)).toEqual(['Wednesday 15th May']);
  });

  it.each([
    ['Q1 2019/20', '2019-04-01', '2019-06-30'],
    ['in Q3 2021/22', '2021-10-01', '2021-12-31'],
    ['Q4 2019-20', '2020-01-01', '2020-03-31'],
    ['Q2 FY19/20', '2019-07-01', '2019-09-30'],
    ['2019/20 Q2', '2019-07-01', '2019-09-30'],
    ['Quarter 2 2019/2020', '2019-07-01', '2019-09-30'],
    ['Q1-Q2 2019/20', '2019-04-01', '2019-09-30'],
    ['in Q3', '2019-10-01', '2019-12-31'],
  ])('financial quarters: %s', (text, from, to) => {
    expect(due(text)).toEqual(window(from, to));
  });

  it.each([
    ['end of Q1 2020/21', '2020-06-30'],
    ['by end of Q4', '2020-03-31'],
    ['by the end of Q2', '2019-09-30'],
  ])('"end of" a quarter is its last day: %s', (text, date) => {
    expect(due(text)).toEqual(window(date));
  });

  it.each([
    ['by end of financial year', '2020-03-31'],
    ['by the end of the financial year', '2020-03-31'],
    ['end of 2019/20', '2020-03-31'],
    ['end of 2020/21', '2021-03-31'],
    ['by year end', '2020-03-31'],
  ])('end of a financial year: %s', (text, date) => {
    expect(due(text)).toEqual(window(date));
  });

  it('a financial year without "end" is the whole year', () => {
    expect(due('during 2019/20')).toEqual(window('2019-04-01', '2020-03-31'));
    expect(due('next financial year')).toEqual(window('2020-04-01', '2021-03-31'));
  });

  it.each([
    ['spring 2020', '2020-03-01', '2020-05-31'],
    ['summer 2020', '2020-06-01', '2020-08-31'],
    ['autumn 2020', '2020-09-01', '2020-11-30'],
    ['winter 2019', '2019-12-01', '2020-02-29'],
    ['Winter 2019/20', '2019-12-01', '2020-02-29'],
    ['by the summer', '2019-06-01', '2019-08-31'],
  ])('seasons: %s', (text, from, to) => {
    expect(due(text)).toEqual(window(from, to));
  });

  it('a year after "by" is the whole year; "end of" a year is 31 December', () => {
    expect(due('by 2020')).toEqual(window('2020-01-01', '2020-12-31'));
    expect(due('Reduce unemployment by 2021')).toEqual(window('2021-01-01', '2021-12-31'));
    expect(due('by the end of 2020')).toEqual(window('2020-12-31'));
  });

  it.each([
    ['The LEP will update the Vision set out in the Strategic Economic Plan, originally written in 2014.'],
    ['a long-range vision based on Lancashire 2050, as part of the GLP'],
    ['apprenticeships increased by 2000'],
    ['across the 15 local authorities'],
  ])('other bare years and numbers are not dates: %s', (text) => {
    const r = read(text);
    expect(r.due).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['Wednesday 15th May', '2019-05-15', '2019-05-15'],
    ['end April', '2019-04-30', '2019-04-30'],
    ['January', '2020-01-01', '2020-01-31'],
    ['Board decision end April.', '2019-04-30', '2019-04-30'],
    ['on the 1st May by Mark E Smith', '2019-05-01', '2019-05-01'],
    ['October Work Programme in place', '2019-10-01', '2019-10-31'],
    ['by end of March', '2020-03-31', '2020-03-31'],
    ['29th February', '2020-02-29', '2020-02-29'],
    ['by june', '2019-06-01', '2019-06-30'],
  ])('no year: the occurrence inside the plan period: %s', (text, from, to) => {
    expect(due(text)).toEqual(window(from, to));
    expect(read(text).matches.every((m) => !m.yearWritten)).toBe(true);
  });

  it('no year with a weekday: the nearest year in which the date falls on that weekday (tie: the later)', () => {
    // 15 May is a Wednesday in 2019 (inside the period): that one.
    expect(due('Wednesday 15th May')).toEqual(window('2019-05-15'));
    // 15 May 2019 is a Wednesday, so "Friday 15th May" is 2015 or 2020: 2020 is nearer the 2019/20 period.
    expect(due('Friday 15th May')).toEqual(window('2020-05-15'));
    // In a 2022/23 plan: 1 April was a Tuesday in 2014 and 2025; both 2 years 10 months away. Tie → later.
    const tie = readDatePhrase('Tuesday 1st April', { period: { from: '2022-01-01', to: '2022-03-31' } });
    expect(tie.due).toEqual(window('2025-04-01'));
  });

  it('a year-less date takes the year written on the next date it is listed with', () => {
    expect(due('15 May and 27 June 2019')).toEqual(window('2019-05-15', '2019-06-27'));
    expect(due('1 December – 31 January 2021')).toEqual(window('2020-12-01', '2021-01-31'));
  });

  it('several dates in one item: the window spans the earliest to the latest', () => {
    expect(due('Initial scoping sessions took place on 14/03/18 and 03/04/19 respectively.')).toEqual(
      window('2018-03-14', '2019-04-03'),
    );
    expect(due('Draft by July 2019, final by Q4 2019/20')).toEqual(window('2019-07-01', '2020-03-31'));
  });

  it.each([
    ['Quarterly', 'quarterly'],
    ['Quarterly Sponsor visits to improve perception of LEP in Whitehall.', 'quarterly'],
    ['every six months', 'six-monthly'],
    ['six-monthly review', 'six-monthly'],
    ['reported bi-annually', 'six-monthly'],
    ['monthly', 'monthly'],
    ['every month', 'monthly'],
    ['annually', 'annually'],
    ['every year', 'annually'],
    ['yearly', 'annually'],
    ['every 12 months', 'annually'],
  ])('recurrence, not a date: %s', (text, recurrence) => {
    const r = read(text);
    expect(r.recurrence).toBe(recurrence);
    expect(r.due).toBeNull();
  });

  it('a recurrence with a date keeps both', () => {
    expect(read('Quarterly from July 2019')).toMatchObject({
      recurrence: 'quarterly',
      due: window('2019-07-01', '2019-07-31'),
    });
  });

  it.each([['Annual General Meeting'], ['bi-monthly newsletter'], ['The LEP will periodically review']])(
    'not a recurrence: %s',
    (text) => {
      expect(read(text).recurrence).toBeNull();
    },
  );

  it.each([['Performance Appraisal of Board Members'], ['ongoing'], ['Clearer website navigation.']])(
    'no date: %s',
    (text) => {
      expect(read(text)).toMatchObject({ due: null, recurrence: null, matches: [], explicitYears: [] });
    },
  );

  it('"May" and "March" as words are not months', () => {
    expect(due('May be delayed by the election')).toBeNull();
    expect(due('March towards net zero')).toBeNull();
    expect(due('Meeting with Theresa May')).toBeNull();
    expect(due('The board may decide')).toBeNull();
    expect(due('Recruitment of members – May')).toEqual(window('2019-05-01', '2019-05-31'));
    expect(due('May 2019 Board')).toEqual(window('2019-05-01', '2019-05-31'));
  });

  it('keeps the words as written in the matches and lists written years', () => {
    const r = read('Appointment of Permanent Chair by April/May 2019');
    expect(r.matches).toEqual([{ text: 'April/May 2019', due: window('2019-04-01', '2019-05-31'), yearWritten: true }]);
    expect(r.explicitYears).toEqual([2019]);
    expect(read('Q1 2019/20').explicitYears).toEqual([2019, 2020]);
  });

  it('with a January financial year start, quarters are calendar quarters', () => {
    const r = readDatePhrase('Q1 2020', { period: { from: '2020-01-01', to: '2020-12-31' }, fyStartMonth: 1 });
    expect(r.due).toEqual(window('2020-01-01', '2020-03-31'));
    expect(r.warnings).toEqual([]);
  });

  it('without a plan period, a year-less date is not dated (and says so)', () => {
    const r = readDatePhrase('Board decision end April', { period: null });
    expect(r.due).toBeNull();
    expect(r.warnings.join()).toContain('end April');
    expect(readDatePhrase('by July 2019', { period: null }).due).toEqual(window('2019-07-01', '2019-07-31'));
  });

  it('rejects a financial year start month outside 1–12', () => {
    expect(() => readDatePhrase('May 2019', { period, fyStartMonth: 13 })).toThrow(RangeError);
  });
});
