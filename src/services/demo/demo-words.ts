// What the people in the living demo write: evidence notes, re-date reasons, the Area Lead's updates and the
// organisation's responses. Built from the demo's own facts (milestones delivered, KPI readings), with variety
// drawn from the creation date, never at random.
import { formatLong } from '../../domain/dates/index.ts';
import { formatKpiNumber, type KpiStatus } from '../../domain/kpi.ts';
import type { IsoDate, Rag } from '../../domain/types.ts';
import { seededPick } from './seeded.ts';

/** "KPI: Staff turnover (%) – baseline 18%, target 12%" → "Staff turnover". */
export function kpiShortName(text: string): string {
  return text
    .replace(/^\s*KPI\s*[:\-–]\s*/i, '')
    .replace(/\s+[–-]\s+baseline.*$/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
}

export function withUnit(value: number, unit: string | null): string {
  const n = formatKpiNumber(value);
  if (unit === '%') return `${n}%`;
  if (unit === '£m') return `£${n}m`;
  return unit ? `${n} ${unit}` : n;
}

const DONE_NOTES = [
  'Confirmed at the improvement board; papers and minutes are on the council website.',
  'Signed off by the service director and reported to Cabinet.',
  'Completed as planned; the decision notice is filed with the programme office.',
  'Delivered; the lead officer’s completion report was accepted by the improvement board.',
];

export function doneNote(seed: string, milestoneId: number): string {
  return seededPick(DONE_NOTES, seed, 'done-note', milestoneId);
}

export function evidenceFileText(organisation: string, commitmentNumber: number, milestone: string, doneOn: IsoDate, note: string): string {
  return [
    `${organisation} – evidence for commitment ${commitmentNumber}`,
    '',
    `Milestone: ${milestone}`,
    `Done on: ${formatLong(doneOn)}`,
    '',
    note,
    '',
    'This file is part of the Improvement Tracker demonstration data.',
    '',
  ].join('\n');
}

/** A short file name made from the milestone's first words. */
export function evidenceFileName(milestone: string): string {
  const words = milestone.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').trim().split(/\s+/).slice(0, 6);
  return `${words.join('-') || 'evidence'}.txt`;
}

export function evidenceLink(milestoneId: number): string {
  return `https://www.kestrel-vale.example/improvement/evidence/${milestoneId}`;
}

const REDATE_REASONS = [
  'The supplier could not start until a key member of staff was recruited; the improvement board agreed the new date',
  'Cabinet asked for further consultation with residents first; the improvement board agreed the new date',
  'The work depends on the new case management system, which went live later than planned; new date agreed by the board',
];

export function redateReason(seed: string): string {
  return seededPick(REDATE_REASONS, seed, 'redate-reason');
}

export function occurrenceNote(milestone: string, date: IsoDate): string {
  return `${milestone.replace(/\s+(monthly|quarterly|every month|annually)$/i, '')}: done for the period ending ${formatLong(date)}.`;
}

export function monitoringNote(item: string, periodLabel: string): string {
  return `${item}: received for ${periodLabel} and reviewed at the improvement board.`;
}

export interface KpiLine {
  name: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  targetDate: IsoDate | null;
  latest: { date: IsoDate; value: number } | null;
  status: KpiStatus | null;
}

function kpiSentence(k: KpiLine): string {
  if (!k.latest) return `${k.name}: no reading yet.`;
  const where = `${k.name} was ${withUnit(k.latest.value, k.unit)} on ${formatLong(k.latest.date)}`;
  const from = k.baseline !== null && k.target !== null ? ` (baseline ${withUnit(k.baseline, k.unit)}, target ${withUnit(k.target, k.unit)}${k.targetDate ? ` by ${formatLong(k.targetDate)}` : ''})` : '';
  const state = k.status?.state;
  const judged =
    state === 'achieved' ? ': the target has been met.' : state === 'off-track' ? ': well behind the trajectory, and the gap is widening.' : ': on track.';
  return `${where}${from}${judged}`;
}

export interface UpdateFacts {
  periodLabel: string;
  delivered: string[];
  missed: { text: string; due: IsoDate }[];
  next: { text: string; due: IsoDate } | null;
  kpis: KpiLine[];
  draft: boolean;
}

const OPENINGS: Record<Rag, string[]> = {
  green: ['Good progress this quarter.', 'The commitment is on course.', 'Steady progress, with the evidence in place.'],
  blue: ['Everything planned for this commitment has been delivered.'],
  amber: ['Progress is mixed this quarter.', 'Some slippage to watch.', 'Progress, but not everything landed on time.'],
  red: ['This commitment is off track.', 'Serious concerns this quarter.'],
};

/** The Area Lead's narrative for one commitment in one period, referring to its KPIs. */
export function updateNarrative(rag: Rag, facts: UpdateFacts, seed: string, commitmentNumber: number): string {
  const parts = [seededPick(OPENINGS[rag], seed, 'opening', facts.periodLabel, commitmentNumber)];
  if (facts.draft) parts.push('(Draft for the quarter so far.)');
  if (facts.delivered.length > 0) parts.push(`Delivered in ${facts.periodLabel}: ${facts.delivered.join('; ')}.`);
  for (const m of facts.missed) parts.push(`Not yet delivered: ${m.text} (due ${formatLong(m.due)}).`);
  if (facts.next) parts.push(`Next: ${facts.next.text}, due ${formatLong(facts.next.due)}.`);
  for (const k of facts.kpis) parts.push(kpiSentence(k));
  if (facts.kpis.length === 0) parts.push('There is no KPI for this commitment; the evidence is in the monitoring items.');
  return parts.join(' ');
}

const RESPONSES: Record<Rag, string[]> = {
  green: [
    'Noted with thanks. The improvement board will keep the KPIs under review at its next meeting.',
    'Agreed. The service will keep to the plan and report the next readings to the improvement board.',
  ],
  blue: ['Noted: the commitment is complete. The board will close it at its next meeting.'],
  amber: [
    'Accepted. The service director will bring a recovery note on the slipped milestones to the next improvement board.',
    'Accepted. The lead officer has a revised timetable and will report progress monthly until the milestones are back on course.',
  ],
  red: [
    'Accepted. A recovery plan is being prepared for the improvement board next month, and the Chief Executive has asked for fortnightly reporting until the KPI is back on track.',
  ],
};

export function organisationResponse(rag: Rag, seed: string, periodLabel: string, commitmentNumber: number): string {
  return seededPick(RESPONSES[rag], seed, 'response', periodLabel, commitmentNumber);
}
