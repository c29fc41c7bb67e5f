// The suggested RAG's reasons are read by reviewers and boards: each must be true of the data. Besides examples
// for the two cases that used to be told wrongly (a milestone due on the period's last day; a recurring action with
// nothing recorded in the quarter), plans are generated with fast-check and every reason is checked against them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, minDate } from '../../src/domain/iso-days.ts';
import { occurrences } from '../../src/domain/recurrence.ts';
import { suggestRag, type RagMilestone } from '../../src/domain/suggest-rag.ts';
import type { DueWindow, IsoDate, MilestoneStatus } from '../../src/domain/types.ts';

const PLAN: DueWindow = { from: '2024-04-01', to: '2025-03-31' };
const Q1: DueWindow = { from: '2024-04-01', to: '2024-06-30' };

function oneOff(text: string, to: IsoDate, status: MilestoneStatus = 'not-started', doneOn: IsoDate | null = null): RagMilestone {
  return { text, due: { from: to, to }, baselineDue: { from: to, to }, status, doneOn, redates: [] };
}

function quarterly(text: string, recordedOn: IsoDate[]): RagMilestone {
  return { text, due: null, baselineDue: null, status: 'in-progress', redates: [], occurrences: occurrences('quarterly', PLAN), recordedOn };
}

describe('suggested RAG: the cases that used to be told wrongly', () => {
  it('a milestone due on the last day of an ended period and not done is overdue, not "done"', () => {
    const result = suggestRag({
      period: Q1,
      today: '2024-07-10',
      milestones: [
        oneOff('Recruit chair', '2024-05-01', 'done', '2024-04-28'),
        oneOff('Away day', '2024-05-20', 'done', '2024-05-20'),
        oneOff('Skills audit', '2024-06-01', 'done', '2024-05-30'),
        oneOff('Publish the register', '2024-06-30'),
      ],
      kpis: [],
    });
    expect(result.rag).toBe('amber');
    expect(result.reasons.join('\n')).toContain('Publish the register, due 30 Jun 2024, not done by the end of the period');
    expect(result.reasons.join('\n')).not.toMatch(/are done|is done/);
  });

  it('while the period runs, a milestone due today is due, and never said to be done', () => {
    const result = suggestRag({
      period: Q1,
      today: '2024-06-12',
      milestones: [oneOff('Recruit chair', '2024-05-01', 'done', '2024-04-28'), oneOff('Away day', '2024-06-12')],
      kpis: [],
    });
    expect(result.rag).toBe('green');
    expect(result.reasons[0]).toBe('1 of 2 milestones due by 12 Jun 2024 done; due today and not yet done: Away day');
  });

  it('a quarterly action with nothing recorded in the quarter counts as missed', () => {
    const result = suggestRag({ period: Q1, today: '2024-07-10', milestones: [quarterly('Board meets', [])], kpis: [] });
    expect(result.rag).not.toBe('green');
    expect(result.reasons.join('\n')).toContain('Board meets (occurrence due 30 Jun 2024)');
  });

  it('a quarterly action recorded in the quarter counts as done there, and is never "complete"', () => {
    const result = suggestRag({ period: Q1, today: '2024-07-10', milestones: [quarterly('Board meets', ['2024-05-14'])], kpis: [] });
    expect(result).toEqual({ rag: 'green', reasons: ['The 1 milestone due by 30 Jun 2024 is done'] });
    const recordedInAnotherQuarter = suggestRag({ period: Q1, today: '2024-07-10', milestones: [quarterly('Board meets', ['2024-08-01'])], kpis: [] });
    expect(recordedInAnotherQuarter.rag).not.toBe('green');
  });
});

// ---- generated plans ----------------------------------------------------------------------------------------

const DAY0 = '2024-02-01';
const day = (offset: number): IsoDate => addDays(DAY0, offset);
const STATUSES: MilestoneStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];

const oneOffArb = fc
  .record({ to: fc.integer({ min: 0, max: 300 }), status: fc.constantFrom(...STATUSES), doneAfter: fc.option(fc.integer({ min: -60, max: 60 })) })
  .map(({ to, status, doneAfter }, i = 0): RagMilestone => ({
    text: `Milestone due ${day(to)} #${i}`,
    due: { from: day(to), to: day(to) },
    baselineDue: { from: day(to), to: day(to) },
    status,
    doneOn: status === 'done' && doneAfter !== null ? day(to + doneAfter) : null,
    redates: [],
  }));

const recurringArb = fc
  .record({
    recurrence: fc.constantFrom('monthly' as const, 'quarterly' as const, 'six-monthly' as const),
    recorded: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
    status: fc.constantFrom(...STATUSES),
  })
  .map(({ recurrence, recorded, status }): RagMilestone => ({
    text: `Recurring ${recurrence}`,
    due: null,
    baselineDue: null,
    status,
    doneOn: null,
    redates: [],
    occurrences: occurrences(recurrence, PLAN),
    recordedOn: recorded.map(day),
  }));

const quarterArb = fc.constantFrom<DueWindow>(Q1, { from: '2024-07-01', to: '2024-09-30' }, { from: '2024-10-01', to: '2024-12-31' });

/** What the data says, worked out here independently: every item due in the period, as done or not by `asOf`. */
function truth(milestones: RagMilestone[], period: DueWindow, asOf: IsoDate): { to: IsoDate; done: boolean; text: string }[] {
  const items: { to: IsoDate; done: boolean; text: string }[] = [];
  for (const m of milestones) {
    if (m.status === 'dropped') continue;
    const running = (m.occurrences?.length ?? 0) > 0 && m.status !== 'done';
    if (running) {
      for (const w of m.occurrences ?? []) {
        if (w.to < period.from || w.to > period.to) continue;
        const done = (m.recordedOn ?? []).some((d) => d >= w.from && d <= w.to && d <= asOf);
        items.push({ to: w.to, done, text: m.text });
      }
    } else if (m.due) {
      items.push({ to: m.due.to, done: m.status === 'done' && (m.doneOn == null || m.doneOn <= asOf), text: m.text });
    }
  }
  return items;
}

describe('suggested RAG: every reason is true of generated plans', () => {
  it('"All N milestones due by D are done" only when each of those N is done; green never hides a missed one', () => {
    fc.assert(
      fc.property(
        quarterArb,
        fc.integer({ min: -30, max: 150 }),
        fc.array(fc.oneof(oneOffArb, oneOffArb, recurringArb), { maxLength: 8 }),
        (period, todayOffset, milestones) => {
          const today = addDays(period.from, todayOffset);
          const asOf = minDate(today, period.to);
          const ended = today > period.to;
          const result = suggestRag({ period, today, milestones, kpis: [] });
          const items = truth(milestones, period, asOf);
          const dueByAsOf = items.filter((x) => x.to <= asOf);
          const missed = items.filter((x) => !x.done && (x.to < asOf || (ended && x.to <= asOf)));

          for (const reason of result.reasons) {
            const all = /^(?:All (\d+) milestones|The 1 milestone) due by .+ (?:are|is) done$/.exec(reason);
            if (all) {
              expect(dueByAsOf.length, reason).toBe(all[1] === undefined ? 1 : Number(all[1]));
              expect(dueByAsOf.every((x) => x.done), reason).toBe(true);
            }
            if (/^No milestones were due by/.test(reason)) expect(dueByAsOf, reason).toEqual([]);
            const partly = /^(\d+) of (\d+) milestones? due by .+ done; due today/.exec(reason);
            if (partly) {
              expect(dueByAsOf.filter((x) => x.done).length, reason).toBe(Number(partly[1]));
              expect(dueByAsOf.length, reason).toBe(Number(partly[2]));
            }
          }
          if (result.rag === 'green' || result.rag === 'blue') expect(missed, JSON.stringify(result)).toEqual([]);
          if (missed.length > 0) expect(result.reasons.some((r) => /overdue/.test(r)), JSON.stringify(result)).toBe(true);
          if (result.rag === 'blue') expect(items.every((x) => x.done)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
