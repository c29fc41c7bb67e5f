// Dates of our fixture plan (Harrowden Growth Partnership 2021/22, test/fixtures/plans) as its expectations
// file says they read, in its 2021/22 plan period.
import { describe, expect, it } from 'vitest';
import { inferPlanPeriod, readDatePhrase } from '../../../src/domain/dates/index.ts';

const period = { from: '2021-04-01', to: '2022-03-31' };
const read = (text: string) => readDatePhrase(text, { period });

describe('fixture plan dates', () => {
  it.each([
    ['Appointment of a permanent Chair by April/May 2021', '2021-04-01', '2021-05-31'],
    ['Appointment of a permanent Chief Executive by September 2021', '2021-09-01', '2021-09-30'],
    ['Interim Chair’s term ends – end April 2021', '2021-04-30', '2021-04-30'],
    ['Board recruitment campaign aimed at under-represented groups launched w/c 12 July 2021', '2021-07-12', '2021-07-16'],
    ['Workshop 1 – Wednesday 19th May', '2021-05-19', '2021-05-19'],
    ['Workshop 2 – Thursday 24th June', '2021-06-24', '2021-06-24'],
    ['Workshop 3 – Wednesday 21st July', '2021-07-21', '2021-07-21'],
    ['Harrowden Means Business conference, Friday 14th January', '2022-01-14', '2022-01-14'],
    ['Evidence base signed off by the Board on 1st September 2021', '2021-09-01', '2021-09-01'],
    ['Evidence base complete July 2021', '2021-07-01', '2021-07-31'],
    ['Public consultation on the draft strategy 04/10/2021 – 12/11/2021', '2021-10-04', '2021-11-12'],
    ['Final strategy published in spring 2022', '2022-03-01', '2022-05-31'],
    ['Site works on the Eastgate link road in winter 2021', '2021-12-01', '2022-02-28'],
    ['Adult skills offer agreed with colleges by end April', '2021-04-30', '2021-04-30'],
    ['Transparency statement published January', '2022-01-01', '2022-01-31'],
    ['Assurance framework refreshed by end of Q2', '2021-09-30', '2021-09-30'],
    ['Round 2 projects shortlisted by end of Q1 2021/22', '2021-06-30', '2021-06-30'],
    ['Careers hub coordinators in post in Q1 2021/22', '2021-04-01', '2021-06-30'],
    ['Budget approved by the Board by end of financial year', '2022-03-31', '2022-03-31'],
    ['Assurance statement sent to government end of 2021/22', '2022-03-31', '2022-03-31'],
    ['Sector round tables held during 2021/22', '2021-04-01', '2022-03-31'],
    ['Programme evaluation commissioned during 2022/23', '2022-04-01', '2023-03-31'],
    ['Stakeholder perception survey repeated by 2022', '2022-01-01', '2022-12-31'],
    ['Shared prosperity fund bids submitted Feb-22', '2022-02-01', '2022-02-28'],
    ['Business case for the Eastgate link road approved 10/10/21', '2021-10-10', '2021-10-10'],
    ['Harrowden Quays flood defence works start 2021-06-07', '2021-06-07', '2021-06-07'],
    ['Annual General Meeting and business awards – 23 September 2021', '2021-09-23', '2021-09-23'],
  ])('%s', (text, from, to) => {
    const r = read(text);
    expect(r.due).toEqual({ from, to });
    expect(r.recurrence).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it('mid-May 2021 has its deadline within 13..17 May', () => {
    const r = read('Board away day to agree the Harrowden 2040 vision – mid-May 2021');
    expect(r.due?.to).toBeDefined();
    expect(r.due!.to >= '2021-05-13' && r.due!.to <= '2021-05-17').toBe(true);
  });

  it.each([
    ['Spending reported to the Board Quarterly', 'quarterly'],
    ['Programme dashboard published every quarter', 'quarterly'],
    ['Treasury management statement reviewed every six months', 'six-monthly'],
    ['Growth Hub newsletter issued monthly', 'monthly'],
    ['Board skills audit repeated annually', 'annually'],
    ['Strategy refreshed every year with partners', 'annually'],
  ])('%s: %s, no date', (text, recurrence) => {
    expect(read(text)).toMatchObject({ due: null, recurrence, warnings: [] });
  });

  it.each([
    ['Appraisal of Board members by the Chair'],
    ['Annual General Meeting approves the new constitution'],
    ['The Partnership will refresh the Harrowden 2040 vision, first written in 2016.'],
  ])('%s: no date', (text) => {
    expect(read(text)).toMatchObject({ due: null, recurrence: null, warnings: [] });
  });

  it('a financial year naming what is counted is a label: only the date beside it is read', () => {
    expect(read('The 2020/21 accounts signed off by the Audit Committee by end of July 2021')).toMatchObject({
      due: { from: '2021-07-31', to: '2021-07-31' },
      warnings: [],
    });
    expect(read('Members consulted on the 2022/23 budget in Q3 2021/22')).toMatchObject({
      due: { from: '2021-10-01', to: '2021-12-31' },
      warnings: [],
    });
  });

  it('meetings on two dates span both, and a date years before the period is flagged', () => {
    const both = read('Scoping meetings with the Skills Board and the Business Board held on 18/03/21 and 06/04/21');
    expect(both).toMatchObject({ due: { from: '2021-03-18', to: '2021-04-06' }, warnings: [] });

    const typo = read('Scoping meetings held on 18/03/12 and 06/04/21');
    expect(typo.due).toEqual({ from: '2012-03-18', to: '2021-04-06' });
    expect(typo.warnings).toHaveLength(1);
    expect(typo.warnings[0]).toContain('18/03/12');
    expect(typo.warnings[0]).not.toContain('06/04/21');
  });

  it('warns about a weekday that does not match, TBC and a misspelt month', () => {
    const weekday = read('Governance review reported to the Board, Tuesday 16th September 2021');
    expect(weekday.due).toEqual({ from: '2021-09-16', to: '2021-09-16' });
    expect(weekday.warnings).toEqual([expect.stringContaining('16 September 2021 is a Thursday, not a Tuesday')]);
    expect(read('Investment prospectus launch event – date TBC')).toMatchObject({ due: null, warnings: [expect.stringContaining('TBC')] });
    expect(read('Local skills report published by Febuary 2022')).toMatchObject({
      due: null,
      warnings: [expect.stringContaining('"Febuary" looks like a month')],
    });
  });

  it('the fixture plan period is inferred as 2021/22 from its dated milestones', () => {
    const milestones = [
      'Appointment of a permanent Chair by April/May 2021',
      'Skills audit of employers reported to the Board on 14 October 2012',
      'Workshop 1 – Wednesday 19th May',
      'Final strategy published in spring 2022',
      'Programme evaluation commissioned during 2022/23',
      'Adult skills offer agreed with colleges by end April',
      'Evidence base complete July 2021',
      'Appointment of a permanent Chief Executive by September 2021',
      'Growth Hub newsletter issued monthly',
    ];
    // Counted by deadline: three in 2021/22, two in 2022/23 (spring 2022 ends in May), one in 2012/13.
    expect(inferPlanPeriod({ titleTexts: ['Improvement summary', 'Milestones'], milestoneTexts: milestones })).toEqual(period);
  });
});
