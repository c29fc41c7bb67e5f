// The living demo: the demo plan as if it had been tracked from the start of its period until `today`, done through
// the same services the pages use (so every step has its audit event, by the demo user who would have done it):
// - milestones due before today mostly done, each with a note and an evidence file or link; one or two overdue;
//   one re-dated with a reason (its baseline kept); recurring milestones in progress with evidence for each
//   occurrence that has passed;
// - KPIs given a unit, baseline, target and direction, with month-end readings up to today (one off track);
// - monitoring items with evidence for each ended review period;
// - every ended review period signed off, with the Area Lead's update (RAG + narrative referring to the KPIs) for
//   every commitment and the organisation's response; the current period open with one update drafted.
// Everything varies only with `today` (seeded, see seeded.ts): the same day gives the same demo.
import type { Kysely } from 'kysely';
import { addDays, formatLong } from '../../domain/dates/index.ts';
import { kpiStatus } from '../../domain/kpi.ts';
import { maxIso as maxDate, minIso as minDate } from '../../domain/dates/calendar.ts';
import type { IsoDate, Rag } from '../../domain/types.ts';
import type { Database } from '../../store/schema.ts';
import type { CommitmentRecord, KpiRecord, MilestoneRecord, PlanRecord } from '../../domain/records.ts';
import { listCommitments } from '../../store/commitments-repository.ts';
import { listKpiReadings, listKpis } from '../../store/kpis-repository.ts';
import { listMilestones } from '../../store/milestones-repository.ts';
import { listMonitoringItems } from '../../store/monitoring-repository.ts';
import { getPlanRecord } from '../../store/plans-repository.ts';
import { listReviewPeriods, type ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
import type { CurrentUser } from '../accounts.ts';
import { addEvidenceWithFile } from '../evidence-files.ts';
import { measurableKpi } from '../kpi-model.ts';
import { scheduledWindows } from '../milestone-schedule.ts';
import { addMilestone, editKpi, recordKpiReading, redateMilestone, setMilestoneStatus } from '../plans.ts';
import { respondToUpdate, saveUpdate, signOffPeriod, submitUpdate, suggestionFor, type ReviewUpdateRecord } from '../reviews/index.ts';
import { DEMO_KPI_SPECS, demoReadings } from './demo-kpis.ts';
import {
  doneNote,
  evidenceFileName,
  evidenceFileText,
  evidenceLink,
  kpiShortName,
  monitoringNote,
  occurrenceNote,
  organisationResponse,
  redateReason,
  updateNarrative,
  type KpiLine,
  type UpdateFacts,
} from './demo-words.ts';
import { seeded, seededInt, seededPick } from './seeded.ts';

type Db = Kysely<Database>;

export interface DemoCast {
  owner: CurrentUser;
  lead: CurrentUser;
  reviewer: CurrentUser;
}

export interface LivingDemoContext {
  db: Db;
  dataDir: string;
  planId: number;
  organisation: string;
  today: IsoDate;
  cast: DemoCast;
  /** True when the plan's period was started a quarter early (see demoPlanDates). */
  leadIn: boolean;
}

/** Milestones of the lead-in quarter, added only when the period starts a quarter early: [commitment, days in, text]. */
const LEAD_IN_MILESTONES: readonly [number, number, string][] = [
  [1, 30, 'Improvement plan agreed by Cabinet'],
  [2, 55, 'Budget for the year set by Full Council'],
  [4, 70, 'Interim repairs improvement lead appointed'],
  [5, 84, 'Interim Director of Children’s Services appointed'],
  [9, 89, 'Regeneration programme board re-established'],
];

interface Loaded {
  plan: PlanRecord;
  commitments: CommitmentRecord[];
}

async function load(db: Db, planId: number): Promise<Loaded> {
  const plan = await getPlanRecord(db, planId);
  if (!plan?.period) throw new Error('The demo plan has no period');
  return { plan, commitments: await listCommitments(db, planId) };
}

/** Who would have done the work on a commitment: its lead for the first, the plan owner for the others. */
function workerFor(c: CommitmentRecord, cast: DemoCast): CurrentUser {
  return c.leadUserId === cast.lead.id ? cast.lead : cast.owner;
}

export async function bringDemoToLife(ctx: LivingDemoContext): Promise<string[]> {
  const { db, today, cast } = ctx;
  const seed = today;
  let { plan, commitments } = await load(db, ctx.planId);
  const period = plan.period ?? { from: today, to: today };

  if (ctx.leadIn) {
    for (const [number, days, text] of LEAD_IN_MILESTONES) {
      const c = commitments.find((x) => x.number === number);
      const due = addDays(period.from, days);
      if (c) await addMilestone(db, c.id, { text: `${text} by ${formatLong(due)}`, due: { from: due, to: due } }, cast.owner.id);
    }
    ({ plan, commitments } = await load(db, ctx.planId));
  }

  const counts = { done: 0, overdue: 0, redated: 0, readings: 0, updates: 0 };

  // ---- KPIs --------------------------------------------------------------------------------------------------
  for (const c of commitments) {
    const kpis = await listKpis(db, c.id);
    for (const k of kpis) {
      const spec = DEMO_KPI_SPECS[`${c.number}.${k.position}`];
      if (!spec) continue;
      const { unit, baseline, target, direction } = spec;
      await editKpi(db, k.id, { unit, baseline, target, direction, targetDate: period.to }, cast.owner.id);
      for (const r of demoReadings(spec, period.from, period.to, today, `${seed}|kpi|${k.id}`)) {
        await recordKpiReading(db, k.id, { date: r.date, value: r.value, source: 'Corporate performance dashboard' }, workerFor(c, cast).id);
        counts.readings++;
      }
    }
  }

  // ---- milestones --------------------------------------------------------------------------------------------
  const all: { c: CommitmentRecord; m: MilestoneRecord }[] = [];
  for (const c of commitments) for (const m of await listMilestones(db, c.id)) all.push({ c, m });

  const pastDue = all.filter(({ m }) => !m.recurrence && m.due && m.due.to < today).sort((a, b) => (a.m.due!.to < b.m.due!.to ? -1 : 1));
  // One or two overdue, among the most recently due (an old miss would long since have been re-dated).
  const recent = pastDue.slice(-6);
  const overdueCount = pastDue.length >= 8 ? 2 : pastDue.length >= 2 ? 1 : 0;
  const overdue = new Set<number>();
  for (let attempt = 0; overdue.size < overdueCount && attempt < 20; attempt++) overdue.add(seededPick(recent, seed, 'overdue', attempt).m.id);
  // One re-dated: a missed one moved into the next few weeks when there are enough, else an upcoming one moved later.
  const missedLeft = pastDue.filter(({ m }) => !overdue.has(m.id));
  const upcoming = all.filter(({ m }) => !m.recurrence && m.due && m.due.to > addDays(today, 30) && m.due.to <= period.to);
  const toRedate = missedLeft.length >= 4 ? seededPick(missedLeft.slice(-4), seed, 'redate') : upcoming[0];

  for (const [i, { c, m }] of pastDue.entries()) {
    if (overdue.has(m.id)) {
      await setMilestoneStatus(db, m.id, 'in-progress', workerFor(c, cast).id);
      counts.overdue++;
      continue;
    }
    if (toRedate?.m.id === m.id) continue;
    const due = m.due!;
    const doneOn = minDate(today, maxDate(due.from, addDays(due.to, -seededInt(0, 10, seed, 'done-on', m.id))));
    const note = doneNote(seed, m.id);
    const worker = workerFor(c, cast);
    const file =
      i % 2 === 0 ? { name: evidenceFileName(m.text), bytes: new TextEncoder().encode(evidenceFileText(ctx.organisation, c.number, m.text, doneOn, note)) } : null;
    await addEvidenceWithFile(db, ctx.dataDir, { milestoneId: m.id }, { date: doneOn, note, link: file ? null : evidenceLink(m.id), file }, worker.id);
    await setMilestoneStatus(db, m.id, 'done', worker.id, doneOn);
    counts.done++;
  }

  if (toRedate) {
    const { m } = toRedate;
    const old = m.due!;
    const newTo = old.to < today ? addDays(today, seededInt(10, 25, seed, 'redate-days')) : addDays(old.to, seededInt(45, 75, seed, 'redate-days'));
    const newDue = old.from === old.to ? { from: newTo, to: newTo } : { from: minDate(old.from, newTo), to: newTo };
    await redateMilestone(db, m.id, newDue, redateReason(seed), cast.owner.id);
    await setMilestoneStatus(db, m.id, 'in-progress', workerFor(toRedate.c, cast).id);
    counts.redated++;
  }

  // Under way: dated milestones whose window has opened, and recurring ones (evidence for each past occurrence).
  for (const { c, m } of all) {
    if (m.recurrence) {
      const past = scheduledWindows(m, plan).filter((w) => w.to < today);
      for (const w of past) {
        const date = maxDate(w.from, addDays(w.to, -seededInt(0, 6, seed, 'occurrence', m.id, w.to)));
        await addEvidenceWithFile(db, ctx.dataDir, { milestoneId: m.id }, { date, note: occurrenceNote(m.text, w.to) }, workerFor(c, cast).id);
      }
      if (past.length > 0) await setMilestoneStatus(db, m.id, 'in-progress', workerFor(c, cast).id);
    } else if (m.due && m.due.from <= today && m.due.to >= today && seeded(seed, 'started', m.id) < 0.75) {
      await setMilestoneStatus(db, m.id, 'in-progress', workerFor(c, cast).id);
    }
  }

  // ---- review periods ----------------------------------------------------------------------------------------
  const periods = await listReviewPeriods(db, ctx.planId);
  const ended = periods.filter((p) => p.endsOn < today);
  const current = periods.find((p) => p.startsOn <= today && p.endsOn >= today);

  // Monitoring evidence for each ended period: the report or minutes arrived a few days after it ended.
  for (const c of commitments) {
    for (const item of await listMonitoringItems(db, c.id)) {
      for (const p of ended) {
        const date = minDate(addDays(today, -1), addDays(p.endsOn, seededInt(3, 12, seed, 'monitoring', item.id, p.id)));
        await addEvidenceWithFile(db, ctx.dataDir, { monitoringItemId: item.id }, { date, note: monitoringNote(item.text, p.label) }, workerFor(c, cast).id);
      }
    }
  }

  for (const p of ended) {
    for (const c of commitments) {
      const update = await writeUpdate(ctx, plan, c, p, false);
      await submitUpdate(db, cast.reviewer, c.id, p.id);
      if (update.rag) await respondToUpdate(db, cast.owner, c.id, p.id, organisationResponse(update.rag, seed, p.label, c.number));
      counts.updates++;
    }
    const signed = await signOffPeriod(db, cast.reviewer, p.id);
    if (!signed.ok) throw new Error(`The demo could not sign off ${p.label}: ${signed.errors.map((e) => e.message).join('; ')}`);
  }
  if (current) {
    const drafted = seededPick(commitments, seed, 'draft');
    await writeUpdate(ctx, plan, drafted, current, true);
  }

  return [
    `Demo brought to life as at ${formatLong(today)}: ${counts.done} milestones done, ${counts.overdue} overdue, ${counts.redated} re-dated, ` +
      `${counts.readings} KPI readings, ${ended.length} review period(s) signed off with ${counts.updates} updates` +
      (current ? `, ${current.label} open with one draft` : ''),
  ];
}

async function kpiLines(db: Db, kpis: KpiRecord[], plan: PlanRecord, asOf: IsoDate): Promise<KpiLine[]> {
  const lines: KpiLine[] = [];
  for (const k of kpis) {
    const readings = (await listKpiReadings(db, k.id)).filter((r) => r.date <= asOf);
    const latest = readings.at(-1) ?? null;
    const measurable = measurableKpi(k, plan.period?.from);
    lines.push({
      name: kpiShortName(k.text),
      unit: k.unit,
      baseline: k.baseline,
      target: k.target,
      targetDate: k.targetDate,
      latest: latest && { date: latest.date, value: latest.value },
      status: measurable ? kpiStatus(measurable, readings, asOf) : null,
    });
  }
  return lines;
}

/** The reviewer's update for the commitment in the period, with the RAG the evidence suggests, saved as a draft. */
async function writeUpdate(ctx: LivingDemoContext, plan: PlanRecord, c: CommitmentRecord, p: ReviewPeriodRecord, draft: boolean): Promise<ReviewUpdateRecord> {
  const { db, today, cast } = ctx;
  const asOf = minDate(today, p.endsOn);
  const [milestones, kpis] = await Promise.all([listMilestones(db, c.id), listKpis(db, c.id)]);
  const dated = milestones.filter((m) => !m.recurrence && m.baseline);
  const facts: UpdateFacts = {
    periodLabel: p.label,
    delivered: dated.filter((m) => m.doneOn && m.doneOn >= p.startsOn && m.doneOn <= asOf).map((m) => m.text),
    missed: dated
      .filter((m) => m.baseline!.to >= p.startsOn && m.baseline!.to <= asOf && !(m.doneOn && m.doneOn <= asOf))
      .map((m) => ({ text: m.text, due: m.baseline!.to })),
    next: dated
      .filter((m) => m.status !== 'done' && m.due && m.due.to > asOf)
      .sort((a, b) => (a.due!.to < b.due!.to ? -1 : 1))
      .map((m) => ({ text: m.text, due: m.due!.to }))[0] ?? null,
    kpis: await kpiLines(db, kpis, plan, asOf),
    draft,
  };
  const suggestion = await suggestionFor(db, cast.reviewer, c.id, p.id, { today });
  const rag: Rag = suggestion.rag;
  const saved = await saveUpdate(
    db,
    cast.reviewer,
    { commitmentId: c.id, periodId: p.id, rag, narrative: updateNarrative(rag, facts, ctx.today, c.number), kpiRefs: kpis.map((k) => k.id) },
    { today },
  );
  if (!saved.ok) throw new Error(`The demo update for commitment ${c.number} was refused: ${saved.errors.map((e) => e.message).join('; ')}`);
  return saved.value;
}
