// Calendar feeds: a secret, revocable address per user from which calendar apps read the milestones of every plan
// the user can read; and a one-off .ics file of one plan. The iCalendar text comes from export/ics.ts.
//
// The address carries a random 32-byte token (base64url). Only sha256(token) is stored, so the token is shown
// to the user once, when it is made; making a new one replaces the old, and revoking deletes it: from then on
// the old address answers 404.
import type { Kysely } from 'kysely';
import { exportPlanIcs, PRODUCT_ID } from '../export/ics.ts';
import type { Database } from '../store/schema.ts';
import type { PlanDetail } from '../store/records.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { deleteCalendarFeeds, findCalendarFeedByHash, findCalendarFeedOfUser, replaceCalendarFeed } from '../store/calendar-feeds-repository.ts';
import { getPlan, listPlans } from '../store/plans-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { can, hashToken, loadUser, randomToken, type CurrentUser } from './accounts.ts';
import { planForViewer, updateVisibility, userViewer } from './update-visibility.ts';

type Db = Kysely<Database>;

export const FEED_NAME = 'Improvement Tracker milestones';

/** A feed token as made by `createCalendarFeed`: 32 random bytes, base64url. */
export function isFeedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** Makes the user a new feed address (replacing any earlier one); returns the token, never stored. */
export async function createCalendarFeed(db: Db, user: CurrentUser, now = new Date()): Promise<{ token: string; createdAt: string }> {
  const token = randomToken();
  const feed = await inTransaction(db, async (trx) => {
    const replaced = await findCalendarFeedOfUser(trx, user.id);
    const created = await replaceCalendarFeed(trx, user.id, hashToken(token), now.toISOString());
    await recordAudit(trx, {
      organisationId: null,
      userId: user.id,
      entity: 'calendar-feed',
      entityId: created.id,
      action: replaced ? 'regenerate' : 'create',
      before: replaced ? { createdAt: replaced.createdAt } : undefined,
      after: { createdAt: created.createdAt },
    });
    return created;
  });
  return { token, createdAt: feed.createdAt };
}

/** Revokes the user's feed address; false when they had none. */
export async function revokeCalendarFeed(db: Db, user: CurrentUser): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const feed = await findCalendarFeedOfUser(trx, user.id);
    if (!feed) return false;
    await deleteCalendarFeeds(trx, user.id);
    await recordAudit(trx, { organisationId: null, userId: user.id, entity: 'calendar-feed', entityId: feed.id, action: 'revoke', before: { createdAt: feed.createdAt } });
    return true;
  });
}

/** When the user's current feed address was made, or null when they have none. */
export async function calendarFeedCreatedAt(db: Db, user: CurrentUser): Promise<string | null> {
  return (await findCalendarFeedOfUser(db, user.id))?.createdAt ?? null;
}

/** The VEVENT blocks of an iCalendar text, lines as written (folded lines kept with their event). */
function eventBlocks(ics: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of ics.split(/\r\n/)) {
    if (line === 'BEGIN:VEVENT') current = [];
    if (current) current.push(line);
    if (line === 'END:VEVENT' && current) {
      blocks.push(current.join('\r\n'));
      current = null;
    }
  }
  return blocks;
}

/** One calendar holding the events of several plans' calendars. */
export function combinedCalendar(plans: readonly PlanDetail[], name = FEED_NAME): string {
  const events = plans.flatMap((p) => eventBlocks(exportPlanIcs(p)));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${PRODUCT_ID}`,
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${name.replace(/([\\;,])/g, '\\$1')}`,
    'X-PUBLISHED-TTL:PT1H',
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Every plan the user can read, in their organisations' order. */
async function readablePlans(db: Db, user: CurrentUser): Promise<PlanDetail[]> {
  const organisations = [...new Set(user.memberships.map((m) => m.organisationId))].filter((id) => can(user, 'plan:read', id));
  const records = (await Promise.all(organisations.map((id) => listPlans(db, id)))).flat();
  const plans = await Promise.all(records.map((p) => getPlan(db, p.id)));
  // The calendar shows milestones only; the plans still pass through the one update-visibility rule, so that
  // nothing a later version of the calendar adds can carry an update the user may not see.
  return plans.filter((p): p is PlanDetail => p !== undefined).map((p) => planForViewer(p, updateVisibility(userViewer(user), p.organisationId)));
}

/** The feed's calendar for the token's owner, or undefined when the token is unknown or revoked. */
export async function calendarForToken(db: Db, token: string): Promise<string | undefined> {
  if (!isFeedToken(token)) return undefined;
  const feed = await findCalendarFeedByHash(db, hashToken(token));
  const user = feed && (await loadUser(db, feed.userId));
  if (!user) return undefined;
  return combinedCalendar(await readablePlans(db, user));
}

/** One plan's milestone calendar for a member who can read it, or undefined. */
export async function planCalendar(db: Db, user: CurrentUser | null, planId: number): Promise<{ plan: PlanDetail; ics: string } | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan || !can(user, 'plan:read', plan.organisationId)) return undefined;
  const visible = planForViewer(plan, updateVisibility(userViewer(user), plan.organisationId));
  return { plan: visible, ics: exportPlanIcs(visible) };
}
