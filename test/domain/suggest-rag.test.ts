import { describe, expect, it } from 'vitest';
import { kpiStatus, type Kpi, type KpiReading } from '../../src/domain/kpi.ts';
import { suggestRag, type RagKpi, type RagMilestone, type SuggestRagInput } from '../../src/domain/suggest-rag.ts';

const q1 = { from: '2019-04-01', to: '2019-06-30' };
const reviewDay = '2019-07-10';

function milestone(text: string, to: string | null, status: RagMilestone['status'] = 'not-started', extra: Partial<RagMilestone> = {}): RagMilestone {
  const due = to ? { from: to, to } : null;
  return { text, due, baselineDue: due, status, redates: [], ...extra };
}
const done = (text: string, to: string, doneOn = to) => milestone(text, to, 'done', { doneOn });

const diversity: Kpi = { name: 'board diversity', baseline: 20, baselineDate: '2019-04-01', target: 40, targetDate: '2020-03-31', direction: 'higher' };
function kpi(name: string, def: Kpi, readings: KpiReading[], today = reviewDay): RagKpi {
  return { name, status: kpiStatus(def, readings, today) };
}
// Expected on 30 Jun 2019 ≈ 24.93; tolerance 1 point; "large" from 5 points behind.
const onTrack = kpi('board diversity', diversity, [{ date: '2019-06-30', value: 25 }]);
const slightlyBehind = kpi('board diversity', diversity, [{ date: '2019-06-30', value: 23 }]);
const farBehind = kpi('board diversity', diversity, [{ date: '2019-06-30', value: 19 }]);

function input(milestones: RagMilestone[], kpis: RagKpi[] = [], today = reviewDay): SuggestRagInput {
  return { period: q1, today, milestones, kpis };
}

describe('suggestRag', () => {
  it('green when every milestone due by the period end is done and KPIs are on trajectory', () => {
    const result = suggestRag(
      input(
        [done('Recruit chair', '2019-04-30'), done('Board away day', '2019-05-15'), done('Skills audit', '2019-06-01'), done('Publish register', '2019-06-30'), milestone('Annual report', '2019-09-30', 'in-progress')],
        [onTrack],
      ),
    );
    expect(result).toEqual({ rag: 'green', reasons: ['All 4 milestones due by 30 Jun 2019 are done', 'KPIs on trajectory'] });
  });

  it('green with nothing yet due says so, and notes KPIs without readings', () => {
    const result = suggestRag(input([milestone('Annual report', '2019-09-30')], [kpi('SME growth', diversity, [])]));
    expect(result).toEqual({ rag: 'green', reasons: ['No milestones were due by 30 Jun 2019', 'No readings yet for SME growth KPI'] });
  });

  it('blue when all milestones are complete', () => {
    const five = ['A', 'B', 'C', 'D', 'E'].map((t) => done(t, '2019-05-01'));
    expect(suggestRag(input(five, [onTrack]))).toEqual({ rag: 'blue', reasons: ['All 5 milestones complete'] });
  });

  it('blue counts dropped milestones apart; an undated open milestone is still left to do', () => {
    const ms = [done('A', '2019-05-01'), done('B', '2019-05-01'), milestone('C', '2019-05-01', 'dropped')];
    expect(suggestRag(input(ms))).toEqual({ rag: 'blue', reasons: ['All milestones complete or dropped: 2 complete, 1 dropped'] });
    expect(suggestRag(input([...ms, milestone('D', null)])).rag).toBe('green');
  });

  it('not blue while a KPI is off track', () => {
    expect(suggestRag(input([done('A', '2019-05-01')], [slightlyBehind])).rag).toBe('amber');
  });

  it('amber for a milestone re-dated this period, naming it', () => {
    const slipped = milestone('Appointment of Permanent Chief Executive', '2019-09-30', 'in-progress', {
      baselineDue: { from: '2019-05-31', to: '2019-05-31' },
      redates: [{ changedAt: '2019-05-20T10:00:00Z', oldTo: '2019-05-31', newTo: '2019-09-30', reason: 'Recruitment extended' }],
    });
    const result = suggestRag(input([done('Recruit chair', '2019-04-30'), slipped], [onTrack]));
    expect(result).toEqual({
      rag: 'amber',
      reasons: ['1 milestone re-dated this period (Appointment of Permanent Chief Executive)'],
    });
  });

  it('ignores re-dates outside the period and ones that bring a deadline forward', () => {
    const earlier = milestone('Earlier', '2019-09-30', 'in-progress', {
      redates: [{ changedAt: '2019-03-20', oldTo: '2019-05-31', newTo: '2019-09-30', reason: 'Before Q1' }],
    });
    const forward = milestone('Forward', '2019-08-31', 'in-progress', {
      redates: [{ changedAt: '2019-05-20', oldTo: '2019-09-30', newTo: '2019-08-31', reason: 'Ahead of plan' }],
    });
    expect(suggestRag(input([done('A', '2019-05-01'), done('B', '2019-05-02'), done('C', '2019-05-03'), earlier, forward])).rag).toBe('green');
  });

  it('amber for a milestone overdue by up to a month, with its deadline and days late', () => {
    const ms = [done('A', '2019-04-30'), done('B', '2019-05-15'), milestone('Skills audit', '2019-05-31', 'in-progress'), milestone('Later', '2019-09-30')];
    expect(suggestRag(input(ms))).toEqual({
      rag: 'amber',
      reasons: ['1 milestone overdue by up to a month (Skills audit, due 31 May 2019, 30 days late)'],
    });
  });

  it('red for a milestone overdue by more than a month at the period end', () => {
    const ms = [done('A', '2019-04-30'), done('B', '2019-05-15'), done('C', '2019-05-20'), milestone('Skills audit', '2019-05-29'), milestone('Later', '2019-09-30')];
    const result = suggestRag(input(ms));
    expect(result.rag).toBe('red');
    expect(result.reasons).toEqual(['1 milestone overdue by more than a month (Skills audit)']);
  });

  it('judges at the period end, not the (later) review day, and a milestone done after it was still late then', () => {
    const ms = [done('A', '2019-04-30'), done('B', '2019-05-15'), done('C', '2019-05-20'), done('Skills audit', '2019-06-20', '2019-07-05'), milestone('Later', '2019-09-30')];
    // On 10 Jul it would be 20 days late; at 30 Jun it was 10 days late and not yet done.
    expect(suggestRag(input(ms))).toEqual({
      rag: 'amber',
      reasons: ['1 milestone overdue by up to a month (Skills audit, due 20 Jun 2019, 10 days late)'],
    });
  });

  it('judges at today while the period is still running', () => {
    const ms = [done('A', '2019-04-30'), milestone('B', '2019-05-31'), milestone('C', '2019-06-20'), milestone('D', '2019-06-25'), done('E', '2019-04-15')];
    const result = suggestRag(input(ms, [], '2019-06-10'));
    expect(result.rag).toBe('amber');
    expect(result.reasons).toEqual(['1 milestone overdue by up to a month (B, due 31 May 2019, 10 days late)']);
  });

  it('red when more than a third of dated milestones are overdue, pluralising', () => {
    const ms = [done('A', '2019-04-30'), milestone('B', '2019-06-10'), milestone('C', '2019-06-20'), milestone('D', '2019-09-30'), milestone('E', null)];
    const result = suggestRag(input(ms));
    expect(result.rag).toBe('red');
    expect(result.reasons).toEqual([
      '2 of 4 dated milestones overdue at 30 Jun 2019',
      '2 milestones overdue by up to a month (B, due 10 Jun 2019, 20 days late; C, due 20 Jun 2019, 10 days late)',
    ]);
    // One of three is not more than a third.
    expect(suggestRag(input([done('A', '2019-04-30'), milestone('B', '2019-06-10'), milestone('D', '2019-09-30')])).rag).toBe('amber');
  });

  it('amber when a KPI is below trajectory, naming the KPI', () => {
    const result = suggestRag(input([done('A', '2019-04-30'), milestone('B', '2019-09-30')], [slightlyBehind]));
    expect(result).toEqual({ rag: 'amber', reasons: ['board diversity KPI below trajectory (latest 23 on 30 Jun 2019, expected 24.93)'] });
  });

  it('red when a KPI is far below trajectory', () => {
    const result = suggestRag(input([done('A', '2019-04-30'), milestone('B', '2019-09-30')], [farBehind, onTrack]));
    expect(result).toEqual({ rag: 'red', reasons: ['board diversity KPI well below trajectory (latest 19 on 30 Jun 2019, expected 24.93)'] });
  });

  it('red when a KPI missed its target date, however close', () => {
    const missed = kpi('board diversity', diversity, [{ date: '2020-03-31', value: 39 }], '2020-04-10');
    const result = suggestRag({ period: { from: '2020-01-01', to: '2020-03-31' }, today: '2020-04-10', milestones: [done('A', '2020-02-01')], kpis: [missed] });
    expect(result).toEqual({ rag: 'red', reasons: ['board diversity KPI missed its target of 40 (latest 39 on 31 Mar 2020)'] });
  });

  it('a lower-is-better KPI above its trajectory is below trajectory', () => {
    const vacancies: Kpi = { baseline: 12, baselineDate: '2019-04-01', target: 2, targetDate: '2020-03-31', direction: 'lower' };
    const good = kpi('vacancies', vacancies, [{ date: '2019-06-30', value: 9 }]);
    const bad = kpi('vacancies', vacancies, [{ date: '2019-06-30', value: 11 }]);
    const ms = [done('A', '2019-04-30'), milestone('B', '2019-09-30')];
    expect(suggestRag(input(ms, [good])).rag).toBe('green');
    expect(suggestRag(input(ms, [bad]))).toEqual({ rag: 'amber', reasons: ['vacancies KPI below trajectory (latest 11 on 30 Jun 2019, expected 9.53)'] });
  });

  it('lists every finding, most serious first, when several apply', () => {
    const ms = [
      done('A', '2019-04-01'),
      done('B', '2019-04-02'),
      done('C', '2019-04-03'),
      done('D', '2019-04-04'),
      milestone('Old', '2019-04-30'),
      milestone('Recent', '2019-06-15'),
      milestone('Moved', '2019-12-31', 'in-progress', {
        redates: [{ changedAt: '2019-06-01', oldTo: '2019-09-30', newTo: '2019-12-31', reason: 'Funding' }],
      }),
    ];
    const result = suggestRag(input(ms, [slightlyBehind, kpi('SME growth', diversity, [])]));
    expect(result.rag).toBe('red');
    expect(result.reasons).toEqual([
      '1 milestone overdue by more than a month (Old)',
      '1 milestone overdue by up to a month (Recent, due 15 Jun 2019, 15 days late)',
      '1 milestone re-dated this period (Moved)',
      'board diversity KPI below trajectory (latest 23 on 30 Jun 2019, expected 24.93)',
      'No readings yet for SME growth KPI',
    ]);
  });

  it('shortens long milestone texts in reasons', () => {
    const long = 'Develop and publish a comprehensive skills and diversity strategy for the board, its committees and officers';
    const result = suggestRag(input([done('A', '2019-04-01'), done('B', '2019-04-01'), done('C', '2019-04-01'), milestone(long, '2019-04-15')]));
    const reason = result.reasons[0] ?? '';
    expect(reason.startsWith('1 milestone overdue by more than a month (Develop and publish')).toBe(true);
    expect(reason).toContain('…)');
    expect(reason.length).toBeLessThan(110);
  });
});
