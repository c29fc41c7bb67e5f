// Dates of the seed plan (Lancashire LEP 2019) as /work/shared/acceptance/lancashire-lep-2019.expected.json
// expects them, read in its 2019/20 plan period.
import { describe, expect, it } from 'vitest';
import { inferPlanPeriod, readDatePhrase } from '../../../src/domain/dates/index.ts';

const period = { from: '2019-04-01', to: '2020-03-31' };
const read = (text: string) => readDatePhrase(text, { period });

describe('seed plan dates', () => {
  it.each([
    ['Appointment of Permanent Chair by April/May 2019', '2019-04-01', '2019-05-31'],
    ['Appointment of Permanent Chief Executive by September 2019', '2019-09-01', '2019-09-30'],
    ['Review of function and form of Lancashire LEP commences by June 2019', '2019-06-01', '2019-06-30'],
    ['Workshop 1 – Wednesday 15th May', '2019-05-15', '2019-05-15'],
    ['Workshop 2 – Thursday 27th June ', '2019-06-27', '2019-06-27'],
    ['Workshop 3 – Wednesday 24th July', '2019-07-24', '2019-07-24'],
    [
      'An update report outlining this progress will be shared with the LEP Board at its next meeting on the 1st May 2019',
      '2019-05-01',
      '2019-05-01',
    ],
    ['Evidence base and stakeholder engagement complete by July 2019', '2019-07-01', '2019-07-31'],
    ['Narrative development and collaboration with Government by December 2019', '2019-12-01', '2019-12-31'],
    ['Final LIS in place March 2020', '2020-03-01', '2020-03-31'],
    [
      'Further development of this programme of work and a plan for broad based consultation is dependent and for agreement with incoming Chair – end April 2019',
      '2019-04-30',
      '2019-04-30',
    ],
    ['Board decision end April.', '2019-04-30', '2019-04-30'],
    ['Recruitment of members – May 2019.', '2019-05-01', '2019-05-31'],
    [
      'Innovation Work Programme established by October 2019, incorporating key R&D aspirations across key sectors',
      '2019-10-01',
      '2019-10-31',
    ],
  ])('%s', (text, from, to) => {
    const r = read(text);
    expect(r.due).toEqual({ from, to });
    expect(r.warnings).toEqual([]);
  });

  it('mid-May 2019 has its deadline within 13..17 May', () => {
    const r = read('For agreement with incoming Chair – mid-May 2019');
    expect(r.due?.to).toBeDefined();
    expect(r.due!.to >= '2019-05-13' && r.due!.to <= '2019-05-17').toBe(true);
  });

  it.each([['Quarterly in conjunction with Chair'], ['Quarterly Sponsor visits to improve perception of LEP in Whitehall.']])(
    '%s: quarterly, no date',
    (text) => {
      expect(read(text)).toMatchObject({ due: null, recurrence: 'quarterly' });
    },
  );

  it.each([
    ['Performance Appraisal of Board Members'],
    ['The LEP will update and re-visit the Vision set out in the Strategic Economic Plan, originally written in 2014.'],
    [
      'Greater Lancashire Leaders are seeking to produce a long-range vision based on Lancashire 2050, as part of the GLP.',
    ],
  ])('%s: no date', (text) => {
    expect(read(text)).toMatchObject({ due: null, recurrence: null, warnings: [] });
  });

  it('the scoping sessions span both dates and 14/03/18 is flagged', () => {
    const r = read(
      "Initial scoping sessions with the LEP's Business Support Management Board and Skills and Employment Advisory Board took place on 14/03/18 and 03/04/19 respectively.",
    );
    expect(r.due).toEqual({ from: '2018-03-14', to: '2019-04-03' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('14/03/18');
    expect(r.warnings[0]).not.toContain('03/04/19');
  });

  it('the seed plan period is inferred as 2019/20 from its dated milestones', () => {
    const milestones = [
      'Appointment of Permanent Chair by April/May 2019',
      'Initial scoping sessions took place on 14/03/18 and 03/04/19 respectively.',
      'Workshop 1 – Wednesday 15th May',
      'Final LIS in place March 2020',
      'Board decision end April.',
      'Recruitment of members – May 2019.',
      'Quarterly in conjunction with Chair',
    ];
    expect(inferPlanPeriod({ titleTexts: ['Improvement summary', 'Milestones'], milestoneTexts: milestones })).toEqual(period);
  });
});
