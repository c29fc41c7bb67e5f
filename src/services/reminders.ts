// Reminder e-mails: one digest per person per day naming
// - milestones overdue and due within REMINDER_DAYS: a commitment lead's for the commitments they lead, a plan
//   owner's for every commitment of their organisation's plans (closed plans and done or dropped milestones are
//   left out);
// - review updates due: for a reviewer, each open review period of their organisations' plans that ends within
//   REMINDER_DAYS (or has ended) while some commitments still have no submitted update;
// - responses due: for a plan owner, each such period in which submitted updates still have no response from the
//   organisation. Both run from the days before the period ends until it is signed off.
//
// Never twice: before sending, the (person, day) digest is claimed in reminder_digests, whose primary key lets
// only one claim succeed, and marked sent once the SMTP server accepted it. A second run the same day (after a
// restart, or while another run is going) sends nothing already claimed. An e-mail that could not be sent gives
// its claim up, so a later run tries again. A run that dies between claiming and sending leaves a 'sending'
// row: that digest is not retried, which errs towards missing one reminder rather than sending it twice.
import type { Kysely } from 'kysely';
import { formatLong } from '../domain/dates/index.ts';
import { addDays, daysBetween } from '../domain/iso-days.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import {
  claimDigest,
  getPeople,
  listDigestsOfDay,
  listOpenMilestonesDueBy,
  listPeopleWithRoles,
  markDigestSent,
  releaseDigest,
  type ReminderMilestoneRow,
  type ReminderPeriodRow,
  type ReminderPersonRow,
} from '../store/reminders-repository.ts';
import { listOpenPeriodsEndingBy } from '../store/review-periods-repository.ts';
import { can, type CurrentUser } from './accounts.ts';
import { MailError, type Mailer } from './mailer.ts';

type Db = Kysely<Database>;

export interface DigestMilestone {
  milestoneId: number;
  organisationId: number;
  organisationName: string;
  planTitle: string;
  commitmentNumber: number;
  commitmentTitle: string;
  text: string;
  dueOn: IsoDate;
  /** Days past the deadline (overdue) or until it (due soon; 0 = today). */
  days: number;
}

export interface DigestReview {
  organisationId: number;
  organisationName: string;
  planTitle: string;
  periodLabel: string;
  dueOn: IsoDate;
  overdue: boolean;
  /** Commitments with no submitted update yet. */
  missing: { number: number; title: string }[];
}

/** A period in which submitted updates wait for the organisation's response. */
export interface DigestResponse {
  organisationId: number;
  organisationName: string;
  planTitle: string;
  periodId: number;
  periodLabel: string;
  endsOn: IsoDate;
  /** Commitments whose submitted update has no response yet. */
  awaiting: { number: number; title: string }[];
}

export interface Digest {
  userId: number;
  email: string;
  name: string;
  day: IsoDate;
  overdue: DigestMilestone[];
  dueSoon: DigestMilestone[];
  reviewsDue: DigestReview[];
  responsesDue: DigestResponse[];
}

export interface Person {
  userId: number;
  email: string;
  name: string;
}

/** A period with what is outstanding in it (the reviewer's updates, the organisation's responses). */
export interface DigestPeriodRow extends ReminderPeriodRow {
  /** The period's last day: reminders start REMINDER_DAYS before it (default: from the due date). */
  endsOn?: IsoDate;
  /** Commitments whose submitted update has no response yet. */
  awaitingResponse?: { number: number; title: string }[];
}

export interface DigestSources {
  milestones: readonly ReminderMilestoneRow[];
  periods: readonly DigestPeriodRow[];
  roles: readonly ReminderPersonRow[];
  /** Everyone who may be named as a recipient (role holders and commitment leads). */
  people: readonly Person[];
}

export function itemCount(d: Pick<Digest, 'overdue' | 'dueSoon' | 'reviewsDue'> & Partial<Pick<Digest, 'responsesDue'>>): number {
  return d.overdue.length + d.dueSoon.length + d.reviewsDue.length + (d.responsesDue?.length ?? 0);
}

/** Who gets what today: pure, from the rows read by `collectDigests`. People with nothing to hear get no digest. */
export function buildDigests(sources: DigestSources, today: IsoDate, reminderDays: number): Digest[] {
  const holders = (organisationId: number, role: ReminderPersonRow['role']) =>
    sources.roles.filter((r) => r.organisationId === organisationId && r.role === role).map((r) => r.userId);
  const people = new Map(sources.people.map((p) => [p.userId, p]));
  const digests = new Map<number, Digest>();
  const digestOf = (userId: number): Digest | undefined => {
    const person = people.get(userId);
    if (!person) return undefined;
    let digest = digests.get(userId);
    if (!digest) {
      digest = { ...person, day: today, overdue: [], dueSoon: [], reviewsDue: [], responsesDue: [] };
      digests.set(userId, digest);
    }
    return digest;
  };
  const until = addDays(today, reminderDays);

  for (const m of sources.milestones) {
    if (m.dueTo > until) continue;
    const overdue = m.dueTo < today;
    const item: DigestMilestone = {
      milestoneId: m.milestoneId,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      planTitle: m.planTitle,
      commitmentNumber: m.commitmentNumber,
      commitmentTitle: m.commitmentTitle,
      text: m.text,
      dueOn: m.dueTo,
      days: overdue ? daysBetween(m.dueTo, today) : daysBetween(today, m.dueTo),
    };
    const recipients = new Set(holders(m.organisationId, 'plan-owner'));
    if (m.leadUserId !== null) recipients.add(m.leadUserId);
    for (const userId of recipients) digestOf(userId)?.[overdue ? 'overdue' : 'dueSoon'].push(item);
  }

  for (const p of sources.periods) {
    // From REMINDER_DAYS before the period ends (before its due date for rows without an end) until sign-off.
    if ((p.endsOn ?? p.dueOn) > until) continue;
    const awaiting = p.awaitingResponse ?? [];
    if (awaiting.length > 0) {
      const response: DigestResponse = {
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        planTitle: p.planTitle,
        periodId: p.periodId,
        periodLabel: p.label,
        endsOn: p.endsOn ?? p.dueOn,
        awaiting,
      };
      for (const userId of new Set(holders(p.organisationId, 'plan-owner'))) digestOf(userId)?.responsesDue.push(response);
    }
    if (p.missing.length === 0) continue;
    const item: DigestReview = {
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      planTitle: p.planTitle,
      periodLabel: p.label,
      dueOn: p.dueOn,
      overdue: p.dueOn < today,
      missing: p.missing,
    };
    for (const userId of new Set(holders(p.organisationId, 'reviewer'))) digestOf(userId)?.reviewsDue.push(item);
  }

  for (const d of digests.values()) {
    d.overdue.sort((a, b) => b.days - a.days || a.milestoneId - b.milestoneId);
    d.dueSoon.sort((a, b) => a.days - b.days || a.milestoneId - b.milestoneId);
  }
  return [...digests.values()].filter((d) => itemCount(d) > 0).sort((a, b) => a.userId - b.userId);
}

/** Reads what the digests are made of and builds today's digests. */
export async function collectDigests(db: Db, today: IsoDate, reminderDays: number): Promise<Digest[]> {
  const until = addDays(today, reminderDays);
  const [milestones, periods, roles] = await Promise.all([
    listOpenMilestonesDueBy(db, until),
    listOpenPeriodsEndingBy(db, until),
    listPeopleWithRoles(db),
  ]);
  const ids = new Set<number>(roles.map((r) => r.userId));
  for (const m of milestones) if (m.leadUserId !== null) ids.add(m.leadUserId);
  const people = await getPeople(db, [...ids]);
  return buildDigests({ milestones, periods, roles, people }, today, reminderDays);
}

// ---- the e-mail -------------------------------------------------------------------------------------------------

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function daysText(days: number, overdue: boolean): string {
  if (days === 0) return 'today';
  if (overdue) return days === 1 ? '1 day ago' : `${days} days ago`;
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

function commitmentsText(missing: DigestReview['missing']): string {
  const numbers = missing.map((c) => String(c.number));
  if (numbers.length === 1) return `commitment ${numbers[0]}`;
  return `commitments ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

function milestoneLine(m: DigestMilestone, overdue: boolean): string {
  const due = overdue ? `was due ${formatLong(m.dueOn)} (${daysText(m.days, true)})` : `due ${formatLong(m.dueOn)} (${daysText(m.days, false)})`;
  return `- ${m.text}: ${due}\n  ${m.planTitle}, commitment ${m.commitmentNumber}: ${m.commitmentTitle}`;
}

export function digestSubject(d: Digest): string {
  const parts: string[] = [];
  if (d.overdue.length) parts.push(`${plural(d.overdue.length, 'milestone')} overdue`);
  if (d.dueSoon.length) parts.push(`${plural(d.dueSoon.length, 'milestone')} due soon`);
  if (d.reviewsDue.length) parts.push(`${plural(d.reviewsDue.length, 'review update')} due`);
  if (d.responsesDue.length) parts.push(`responses due in ${plural(d.responsesDue.length, 'review period')}`);
  return `Improvement Tracker reminders for ${formatLong(d.day)}: ${parts.join(', ')}`;
}

export function digestText(d: Digest, reminderDays: number, serviceUrl: string): string {
  const out: string[] = [`Hello ${d.name},`, '', `Your reminders from Improvement Tracker for ${formatLong(d.day)}.`];
  if (d.overdue.length) {
    out.push('', `Overdue milestones (${d.overdue.length})`, ...d.overdue.map((m) => milestoneLine(m, true)));
  }
  if (d.dueSoon.length) {
    out.push('', `Milestones due in the next ${plural(reminderDays, 'day')} (${d.dueSoon.length})`, ...d.dueSoon.map((m) => milestoneLine(m, false)));
  }
  if (d.reviewsDue.length) {
    out.push('', `Review updates due (${d.reviewsDue.length})`);
    for (const r of d.reviewsDue) {
      const when = r.overdue ? `was due ${formatLong(r.dueOn)} (${daysText(daysBetween(r.dueOn, d.day), true)})` : `due ${formatLong(r.dueOn)} (${daysText(daysBetween(d.day, r.dueOn), false)})`;
      out.push(`- ${r.planTitle}, ${r.periodLabel}: ${when}`, `  No update submitted yet for ${commitmentsText(r.missing)}.`);
    }
  }
  if (d.responsesDue.length) {
    out.push('', `Responses to progress updates (${d.responsesDue.length})`);
    for (const r of d.responsesDue) {
      const ends = r.endsOn < d.day ? `ended ${formatLong(r.endsOn)}` : `ends ${formatLong(r.endsOn)}`;
      out.push(
        `- ${r.planTitle}, ${r.periodLabel} (${ends}): no response yet to the update for ${commitmentsText(r.awaiting)}.`,
        `  Respond from the period's page: ${serviceUrl}/reviews/${r.periodId}`,
      );
    }
  }
  out.push(
    '',
    `Open Improvement Tracker: ${serviceUrl}/`,
    '',
    'You get this e-mail because you are a plan owner, commitment lead or reviewer in Improvement Tracker. Ask your plan owner if you should not.',
  );
  return `${out.join('\n')}\n`;
}

// ---- sending ------------------------------------------------------------------------------------------------------

export interface ReminderLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ReminderDeps {
  db: Db;
  mailer: Mailer;
  config: { mailFrom: string; reminderDays: number; serviceUrl: string };
  log: ReminderLog;
  /** When a digest is claimed and sent (default: the system time). */
  now?: () => Date;
}

export interface SendReport {
  day: IsoDate;
  /** Addresses e-mailed now. */
  sent: string[];
  /** Addresses whose digest for the day had been sent (or claimed) before. */
  alreadySent: string[];
  /** Addresses whose e-mail could not be sent, and why; tried again on the next run. */
  failed: { email: string; reason: string }[];
}

/** Sends today's digests that have not been sent yet. See the top of this file for "never twice". */
export async function sendDailyDigests(deps: ReminderDeps, today: IsoDate): Promise<SendReport> {
  const { db, mailer, config, log, now = () => new Date() } = deps;
  const report: SendReport = { day: today, sent: [], alreadySent: [], failed: [] };
  const digests = await collectDigests(db, today, config.reminderDays);
  let unreachable: string | null = null;
  for (const digest of digests) {
    if (unreachable) {
      report.failed.push({ email: digest.email, reason: unreachable });
      continue;
    }
    const claimed = await claimDigest(db, { userId: digest.userId, day: today, email: digest.email, items: itemCount(digest), at: now().toISOString() });
    if (!claimed) {
      report.alreadySent.push(digest.email);
      continue;
    }
    try {
      const { messageId } = await mailer.send({
        from: config.mailFrom,
        to: digest.email,
        subject: digestSubject(digest),
        text: digestText(digest, config.reminderDays, config.serviceUrl),
      });
      await markDigestSent(db, digest.userId, today, now().toISOString(), messageId);
      report.sent.push(digest.email);
      log.info({ to: digest.email, day: today, items: itemCount(digest) }, 'reminder digest sent');
    } catch (error) {
      await releaseDigest(db, digest.userId, today);
      const reason = error instanceof Error ? error.message : String(error);
      report.failed.push({ email: digest.email, reason });
      log.error({ to: digest.email, day: today }, `Reminder digest to ${digest.email} was not sent: ${reason}`);
      // Every other e-mail would fail the same way: they are left for the next run.
      if (error instanceof MailError && error.unreachable) unreachable = reason;
    }
  }
  return report;
}

// ---- preview ------------------------------------------------------------------------------------------------------

export interface DigestPreview extends Digest {
  subject: string;
  text: string;
  /** Already e-mailed (or being e-mailed) today. */
  sentToday: boolean;
}

/**
 * What would be sent today, without sending: the digests of people in the organisations where `user` may preview
 * reminders, showing only those organisations' items. Throws when the user may preview none.
 */
export async function previewDigests(
  db: Db,
  user: CurrentUser,
  today: IsoDate,
  config: { reminderDays: number; serviceUrl: string },
): Promise<DigestPreview[]> {
  const mine = new Set(user.memberships.filter((m) => can(user, 'reminders:preview', m.organisationId)).map((m) => m.organisationId));
  const [digests, sent] = await Promise.all([collectDigests(db, today, config.reminderDays), listDigestsOfDay(db, today)]);
  const sentTo = new Set(sent.map((s) => s.userId));
  const previews: DigestPreview[] = [];
  for (const d of digests) {
    const shown: Digest = {
      ...d,
      overdue: d.overdue.filter((m) => mine.has(m.organisationId)),
      dueSoon: d.dueSoon.filter((m) => mine.has(m.organisationId)),
      reviewsDue: d.reviewsDue.filter((r) => mine.has(r.organisationId)),
      responsesDue: d.responsesDue.filter((r) => mine.has(r.organisationId)),
    };
    if (itemCount(shown) === 0) continue;
    previews.push({ ...shown, subject: digestSubject(shown), text: digestText(shown, config.reminderDays, config.serviceUrl), sentToday: sentTo.has(d.userId) });
  }
  return previews;
}
