// The e-mails the review sends to the organisation's plan owners: the period is signed off, or an update they
// may have responded to was returned to draft. Sent through the existing mailer once the change is stored; a
// mail server that is down never undoes the change: the page says who could not be told.
import type { Kysely } from 'kysely';
import { formatLong } from '../../domain/dates/index.ts';
import { isoDay } from '../../domain/iso-days.ts';
import type { Database } from '../../store/schema.ts';
import { listPeopleWithRoles } from '../../store/reminders-repository.ts';
import { MailError, type MailMessage, type Mailer } from '../mailer.ts';

export interface Recipient {
  email: string;
  name: string;
}

export interface MailOutcome {
  /** Addresses the mail server accepted. */
  sent: string[];
  /** Addresses it did not, with why. */
  failed: { email: string; reason: string }[];
}

/** The organisation's plan owners (who answer for its plans and respond to the reviewer's updates). */
export async function planOwnersOf(db: Kysely<Database>, organisationId: number): Promise<Recipient[]> {
  const people = await listPeopleWithRoles(db);
  const seen = new Set<string>();
  return people
    .filter((p) => p.organisationId === organisationId && p.role === 'plan-owner')
    .filter((p) => (seen.has(p.email) ? false : (seen.add(p.email), true)))
    .map((p) => ({ email: p.email, name: p.name }));
}

export async function sendEach(mailer: Mailer, recipients: readonly Recipient[], message: (r: Recipient) => MailMessage): Promise<MailOutcome> {
  const outcome: MailOutcome = { sent: [], failed: [] };
  let unreachable: string | null = null;
  for (const r of recipients) {
    // Once the mail server cannot be reached at all, the others would wait for the same time-out: not tried.
    if (unreachable) {
      outcome.failed.push({ email: r.email, reason: unreachable });
      continue;
    }
    try {
      await mailer.send(message(r));
      outcome.sent.push(r.email);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      outcome.failed.push({ email: r.email, reason });
      if (error instanceof MailError && error.unreachable) unreachable = reason;
    }
  }
  return outcome;
}

export interface SignedOffNotice {
  planTitle: string;
  periodLabel: string;
  periodUrl: string;
  signedOffAt: string;
  reviewerName: string;
  commitments: number;
}

export function signedOffMail(n: SignedOffNotice, to: Recipient, from: string): MailMessage {
  return {
    from,
    to: to.email,
    subject: `${n.planTitle}: ${n.periodLabel} review signed off`,
    text: [
      `Hello ${to.name},`,
      '',
      `${n.reviewerName} signed off the ${n.periodLabel} review of ${n.planTitle} on ${formatLong(isoDay(n.signedOffAt))}.`,
      `The progress updates for all ${n.commitments} commitments, and your organisation's responses, are now locked.`,
      'If an update needs correcting, the reviewer saves a correction as a new version, with a reason; the signed-off version stays visible.',
      '',
      `Read the signed-off updates: ${n.periodUrl}`,
      '',
      'You get this e-mail because you are a plan owner in Improvement Tracker.',
      '',
    ].join('\n'),
  };
}

export interface ReturnedNotice {
  planTitle: string;
  periodLabel: string;
  commitmentNumber: number;
  commitmentTitle: string;
  reason: string;
  reviewerName: string;
  updateUrl: string;
}

export function returnedMail(n: ReturnedNotice, to: Recipient, from: string): MailMessage {
  return {
    from,
    to: to.email,
    subject: `${n.planTitle}: the ${n.periodLabel} update for commitment ${n.commitmentNumber} was returned to draft`,
    text: [
      `Hello ${to.name},`,
      '',
      `${n.reviewerName} returned the ${n.periodLabel} progress update for commitment ${n.commitmentNumber} (${n.commitmentTitle}) to draft, to change it before the period is signed off.`,
      '',
      `Reason: ${n.reason}`,
      '',
      'The version you saw stays in the update history. Once the reviewer submits the update again, you can read it and change your response.',
      '',
      `Open the update: ${n.updateUrl}`,
      '',
      'You get this e-mail because you are a plan owner in Improvement Tracker.',
      '',
    ].join('\n'),
  };
}
