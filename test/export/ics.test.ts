// The milestone calendar, read back with an iCalendar parser.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { occurrences } from '../../src/domain/recurrence.ts';
import type { ExportPlan } from '../../src/export/export-plan.ts';
import { exportPlanIcs } from '../../src/export/ics.ts';
import { useReviewedFixturePlan } from './support/reviewed-plan.ts';

interface ReadEvent {
  uid: string;
  summary: string;
  start: string;
  allDay: boolean;
  /** The RRULE's parts: FREQ=…, INTERVAL=…, in any order. */
  rrule: string[];
  status: string;
  event: ICAL.Event;
}

function readCalendar(text: string): { name: unknown; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      rrule: String(c.getFirstPropertyValue('rrule') ?? '').split(';').filter((p) => p !== '').sort(),
      status: String(c.getFirstPropertyValue('status')),
      event,
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

/** The start dates of the event's first `max` occurrences. */
function expand(event: ICAL.Event, max = 50): string[] {
  const it = event.iterator();
  const found: string[] = [];
  for (let next = it.next(); next && found.length < max; next = it.next()) found.push(next.toString());
  return found;
}

describe('iCalendar export of milestones', () => {
  const fixture = useReviewedFixturePlan();
  let plan: ExportPlan;
  beforeAll(() => {
    plan = fixture();
  });

  it('has an all-day event on each dated milestone’s deadline, with a stable UID', () => {
    const { name, events } = readCalendar(exportPlanIcs(plan));
    expect(name).toBe('Lancashire LEP improvement plan 2019/20: milestones');
    const ids = plan.commitments.flatMap((c) => c.milestones).map((m) => m.id);
    expect(events.map((e) => [e.summary, e.start, e.allDay])).toEqual([
      ['Appointment of Permanent Chair by April/May 2019', '2019-06-30', true],
      ['Board diversity report – Quarterly', '2019-06-30', true],
      ['Workshop 1 – Wednesday 15th May', '2019-05-15', true],
      ['Assurance framework refreshed by end of Q2', '2019-09-30', true],
      ['Draft strategy 04/11/2019 – 13/12/2019', '2019-12-13', true],
    ]);
    expect(events.map((e) => e.uid)).toEqual([0, 2, 3, 4, 5].map((i) => `milestone-${ids[i]}@improvement-tracker`));
    expect(readCalendar(exportPlanIcs(plan)).events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it('repeats a quarterly milestone on the financial quarters’ last days, as the plan counts them', () => {
    const { events } = readCalendar(exportPlanIcs(plan));
    const quarterly = events.find((e) => e.summary === 'Board diversity report – Quarterly');
    if (!quarterly || !plan.period) throw new Error('no quarterly event or plan period');
    expect(quarterly.rrule).toEqual(['BYMONTHDAY=-1', 'COUNT=4', 'FREQ=MONTHLY', 'INTERVAL=3']);
    const expected = occurrences('quarterly', plan.period).map((o) => o.to);
    expect(expand(quarterly.event)).toEqual(expected);
    expect(expected).toEqual(['2019-06-30', '2019-09-30', '2019-12-31', '2020-03-31']);
  });

  it('repeats monthly, six-monthly and annual milestones like the plan does', () => {
    const [first, ...rest] = plan.commitments;
    if (!first || !plan.period) throw new Error('fixture');
    const base = first.milestones[2];
    if (!base) throw new Error('fixture');
    const recurring = (['monthly', 'six-monthly', 'annually'] as const).map((recurrence, i) => ({ ...base, id: 900 + i, text: `Report ${recurrence}`, recurrence }));
    const withAll: ExportPlan = { ...plan, commitments: [{ ...first, milestones: recurring }, ...rest] };
    const { events } = readCalendar(exportPlanIcs(withAll));
    for (const m of recurring) {
      const event = events.find((e) => e.summary === m.text);
      if (!event) throw new Error(`no event for ${m.text}`);
      expect(expand(event.event)).toEqual(occurrences(m.recurrence, plan.period, '2019-04-01').map((o) => o.to));
    }
    expect(expand(events.find((e) => e.summary === 'Report monthly')?.event as ICAL.Event)).toHaveLength(12);
  });

  it('marks a dropped milestone cancelled and leaves undated ones out', () => {
    const [first, ...rest] = plan.commitments;
    if (!first) throw new Error('fixture');
    const dropped: ExportPlan = { ...plan, commitments: [{ ...first, milestones: first.milestones.map((m, i) => (i === 0 ? { ...m, status: 'dropped' } : m)) }, ...rest] };
    const { events } = readCalendar(exportPlanIcs(dropped));
    expect(events.find((e) => e.summary.startsWith('Appointment'))?.status).toBe('CANCELLED');
    expect(events.some((e) => e.summary === 'Performance Appraisal of Board Members')).toBe(false);
  });

  it('is a valid, empty calendar for a plan without dated milestones', () => {
    const empty: ExportPlan = { ...plan, commitments: plan.commitments.map((c) => ({ ...c, milestones: [] })) };
    expect(readCalendar(exportPlanIcs(empty)).events).toEqual([]);
  });
});
