import { describe, expect, it } from 'vitest';
import { readDatePhrase } from '../../../src/domain/dates/index.ts';

const period = { from: '2019-04-01', to: '2020-03-31' };
const read = (text: string) => readDatePhrase(text, { period });

describe('readDatePhrase warnings', () => {
  it('a weekday that does not match the date, keeping the date', () => {
    const r = read('Workshop – Wednesday 16th May 2019');
    expect(r.due).toEqual({ from: '2019-05-16', to: '2019-05-16' });
    expect(r.warnings).toEqual(['"Wednesday 16th May 2019": 16 May 2019 is a Thursday, not a Wednesday']);
    expect(read('Wednesday 15th May 2019').warnings).toEqual([]);
  });

  it('a year-less weekday date that fits no day in the plan period is read in the nearest year and flagged', () => {
    const r = read('Workshop – Wednesday 16th May');
    // 16 May is a Wednesday in 2018 (10½ months before the period) and 2024: 2018 is nearer.
    expect(r.due).toEqual({ from: '2018-05-16', to: '2018-05-16' });
    expect(r.warnings.some((w) => w.includes('Wednesday 16th May') && w.includes('not in the plan period'))).toBe(true);
  });

  it('a date more than 6 months before the plan period begins', () => {
    expect(read('on 14/03/18').warnings).toEqual([
      '"14/03/18" (14 March 2018) is more than 6 months before the plan period begins (1 April 2019): check the year',
    ]);
    expect(read('on 01/10/18').warnings).toEqual([]); // exactly 6 months before
    expect(read('on 30/09/18').warnings).toHaveLength(1);
  });

  it('a date more than 2 years after the plan period ends', () => {
    expect(read('by March 2022').warnings).toEqual([]);
    const r = read('by April 2022');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('April 2022');
    expect(r.warnings[0]).toContain('more than 2 years after');
  });

  it.each([['TBC'], ['Launch event – date TBC'], ['to be confirmed'], ['Venue tbc']])('to be confirmed: %s', (text) => {
    const r = read(text);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('to be confirmed');
    expect(r.due).toBeNull();
  });

  it.each([
    ['31/02/2019', '31/02/2019'],
    ['29/02/2019', '29/02/2019'],
    ['2019-13-01', '2019-13-01'],
    ['05/15/2019', '05/15/2019'],
    ['31st June 2019', '31st June 2019'],
    ['Q5', 'Q5'],
    ['by Q0 2019/20', 'Q0'],
    ['by Sept-ember', 'Sept-ember'],
    ['by Febuary', 'Febuary'],
    ['Decmber 2019', 'Decmber'],
    ['Q1 2019/21', 'Q1 2019/21'],
    ['during 2019/21', '2019/21'],
    ['FY20', 'FY20'],
    ['30/09.2019', '30/09.2019'],
  ])('a date-like word that could not be read: %s', (text, quoted) => {
    const r = read(text);
    expect(r.due).toBeNull();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(`"${quoted}`);
  });

  it('29 February reads in a leap year', () => {
    const r = read('29/02/2020');
    expect(r.due).toEqual({ from: '2020-02-29', to: '2020-02-29' });
    expect(r.warnings).toEqual([]);
  });

  it('a quarter with a calendar year is read in the financial year starting then, and flagged', () => {
    const r = read('Q1 2020');
    expect(r.due).toEqual({ from: '2020-04-01', to: '2020-06-30' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('2020/21');
  });

  it('a week commencing date that is not a Monday', () => {
    const r = read('w/c 10 July 2019');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('not a Monday');
  });

  it('ordinary words near date cues are not flagged', () => {
    for (const text of ['Review by Marketing', 'Agreed by Jane Smith', 'in Mark’s report', 'by Julie', 'mid-term review']) {
      expect(read(text).warnings).toEqual([]);
    }
  });

  it('each date of several is checked', () => {
    const r = read('between 14/03/18 and 14/03/23');
    expect(r.warnings).toHaveLength(2);
  });
});
