// Synthetic national data (`tracker generate`): N organisations, each with a plan of 12 commitments × 15
// milestones, 5 KPIs with quarterly readings, and 12 quarters of review periods with updates (signed off, except
// the latest, which is mostly submitted and awaiting sign-off). Ratings drift from quarter to quarter; some
// milestones are overdue and some were re-dated.
//
// Deterministic: everything but the passwords comes from --seed through a small PRNG of our own (mulberry32),
// and dates are placed relative to the clock's today (rows are stamped as made on the plans' first day). Fast: ids are given by the generator (so rows can be
// inserted many to a statement, without reading ids back), and each batch of organisations is one transaction.
import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Dialect } from '../store/database.ts';
import type { IsoDate, Rag } from '../domain/types.ts';
import { addDays, addMonths, daysBetween, financialYearLabel, financialYearOf } from '../domain/dates/index.ts';
import { periodContaining, reviewPeriods, type ReviewPeriod } from '../domain/periods.ts';
import { DEFAULT_RAG_SCHEME } from '../domain/rag.ts';
import { hashPassword } from './accounts.ts';
import * as words from './synthetic-data-words.ts';

type Db = Kysely<Database>;

// ---- a seeded PRNG ------------------------------------------------------------------------------------------

/** mulberry32: a tiny 32-bit generator, plenty for test data, the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

// ---- what is generated --------------------------------------------------------------------------------------

export const SHAPE = { commitments: 12, milestonesPerCommitment: 15, kpis: 5, quartersWithUpdates: 12 } as const;

export interface GenerateOptions {
  organisations: number;
  seed: number;
  /** Called after each batch of organisations is stored. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedAccount {
  email: string;
  /** Generated at random for this run, shown once. */
  password: string;
  name: string;
  roleLabel: string;
  organisation: string;
}

export interface GenerateResult {
  organisations: number;
  rows: Record<string, number>;
  accounts: GeneratedAccount[];
  milliseconds: number;
}

export class GenerateError extends Error {}

interface Ids {
  organisations: number;
  users: number;
  plans: number;
  commitments: number;
  milestones: number;
  milestone_redates: number;
  kpis: number;
  kpi_readings: number;
  review_periods: number;
  progress_updates: number;
}
type IdTable = keyof Ids;
const ID_TABLES: readonly IdTable[] = [
  'organisations', 'users', 'plans', 'commitments', 'milestones', 'milestone_redates', 'kpis', 'kpi_readings', 'review_periods', 'progress_updates',
];

interface Batch {
  organisations: Insertable<Database['organisations']>[];
  memberships: Insertable<Database['memberships']>[];
  plans: Insertable<Database['plans']>[];
  commitments: Insertable<Database['commitments']>[];
  milestones: Insertable<Database['milestones']>[];
  milestone_redates: Insertable<Database['milestone_redates']>[];
  kpis: Insertable<Database['kpis']>[];
  kpi_readings: Insertable<Database['kpi_readings']>[];
  review_periods: Insertable<Database['review_periods']>[];
  progress_updates: Insertable<Database['progress_updates']>[];
}
type BatchTable = keyof Batch;
/** In the order foreign keys need. */
const INSERT_ORDER: readonly BatchTable[] = [
  'organisations', 'memberships', 'plans', 'commitments', 'milestones', 'milestone_redates', 'kpis', 'kpi_readings', 'review_periods', 'progress_updates',
];

const emptyBatch = (): Batch => ({
  organisations: [], memberships: [], plans: [], commitments: [], milestones: [], milestone_redates: [], kpis: [], kpi_readings: [],
  review_periods: [], progress_updates: [],
});

/** Organisation names: place × kind, in a seeded order, never the same twice. */
function organisationNames(dice: Dice, count: number): string[] {
  const places = words.PLACE_STARTS.flatMap((s) => words.PLACE_ENDS.map((e) => `${s}${e}`));
  const combos = dice.shuffle(places.flatMap((p) => words.ORGANISATION_KINDS.map((k) => `${p} ${k}`)));
  return Array.from({ length: count }, (_, i) => {
    const name = combos[i % combos.length] ?? `Organisation ${i + 1}`;
    return i < combos.length ? name : `${name} ${Math.floor(i / combos.length) + 1}`;
  });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A password nobody chose: 18 random characters. */
function randomPassword(): string {
  return randomBytes(14).toString('base64url').slice(0, 18);
}

/** The quarters: 12 that have ended (the last of them the latest ended), then the rest of the plan's four years. */
export function syntheticCalendar(today: IsoDate): { planFrom: IsoDate; planTo: IsoDate; periods: ReviewPeriod[]; latestEnded: number } {
  const current = periodContaining(today, 'quarterly');
  let first = periodContaining(addDays(current.from, -1), 'quarterly');
  for (let i = 1; i < SHAPE.quartersWithUpdates; i += 1) first = periodContaining(addDays(first.from, -1), 'quarterly');
  const planFrom = first.from;
  const planTo = addDays(addMonths(planFrom, 48), -1);
  return { planFrom, planTo, periods: reviewPeriods({ from: planFrom, to: planTo }, 'quarterly', 4, 14), latestEnded: SHAPE.quartersWithUpdates - 1 };
}

const RAG_STEPS: readonly Rag[] = ['red', 'amber', 'green'];

/** The next quarter's rating: mostly the same, sometimes a step better or worse. */
function drift(dice: Dice, rag: Rag): Rag {
  if (rag === 'blue') return 'blue';
  const roll = dice.float();
  const at = RAG_STEPS.indexOf(rag);
  if (roll < 0.68) return rag;
  if (roll < 0.84) return RAG_STEPS[Math.min(2, at + 1)] ?? rag;
  if (roll < 0.99) return RAG_STEPS[Math.max(0, at - 1)] ?? rag;
  return 'blue';
}

function firstRag(dice: Dice): Rag {
  const roll = dice.float();
  return roll < 0.15 ? 'red' : roll < 0.5 ? 'amber' : 'green';
}

function stamp(date: IsoDate, hour = 10): string {
  return `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

interface OrgContext {
  dice: Dice;
  ids: Ids;
  batch: Batch;
  today: IsoDate;
  calendar: ReturnType<typeof syntheticCalendar>;
  reviewerId: number;
  createdAt: string;
}

const next = (ids: Ids, table: IdTable): number => (ids[table] += 1);

function addOrganisation(ctx: OrgContext, name: string): { organisationId: number; planId: number } {
  const { dice, ids, batch, today, calendar, reviewerId, createdAt } = ctx;
  const organisationId = next(ids, 'organisations');
  batch.organisations.push({ id: organisationId, name, created_at: createdAt });
  batch.memberships.push({ user_id: reviewerId, organisation_id: organisationId, role: 'reviewer' });

  const planId = next(ids, 'plans');
  batch.plans.push({
    id: planId, organisation_id: organisationId, title: `${name} improvement plan ${financialYearLabel(financialYearOf(calendar.planFrom, 4), 4)} onwards`,
    period_from: calendar.planFrom, period_to: calendar.planTo, status: 'active', review_cadence: 'quarterly', fy_start_month: 4,
    rag_scheme: JSON.stringify(DEFAULT_RAG_SCHEME), source_name: null, published: 0, created_at: createdAt, updated_at: createdAt,
  });

  const periodIds = calendar.periods.map((p, i) => {
    const id = next(ids, 'review_periods');
    const signedOff = i < calendar.latestEnded;
    batch.review_periods.push({
      id, plan_id: planId, label: p.label, starts_on: p.from, ends_on: p.to, due_on: p.due, status: signedOff ? 'signed-off' : 'open',
      signed_off_at: signedOff ? stamp(addDays(p.due, 7)) : null, signed_off_by: signedOff ? reviewerId : null,
    });
    return id;
  });

  const planDays = daysBetween(calendar.planFrom, calendar.planTo);
  const themes = dice.shuffle(words.COMMITMENT_THEMES).slice(0, SHAPE.commitments);
  const measures = dice.shuffle(words.KPI_MEASURES).slice(0, SHAPE.kpis);
  // How well the organisation delivers, overall: some are behind on everything.
  const delivery = dice.float();

  themes.forEach((title, index) => {
    const commitmentId = next(ids, 'commitments');
    batch.commitments.push({
      id: commitmentId, plan_id: planId, number: index + 1, position: index + 1, title,
      summary: `${title.replace(/^We will /, 'To ')}: agreed with the board and reviewed every quarter.`, lead_user_id: null,
    });

    for (let m = 0; m < SHAPE.milestonesPerCommitment; m += 1) {
      const milestoneId = next(ids, 'milestones');
      const dueTo = addDays(calendar.planFrom, Math.floor((planDays * (m + 0.15 + 0.7 * dice.float())) / SHAPE.milestonesPerCommitment));
      const dueFrom = dice.chance(0.4) ? addDays(dueTo, -dice.int(14, 60)) : dueTo;
      const redated = dice.chance(0.08);
      const slip = redated ? dice.int(21, 120) : 0;
      const baselineTo = addDays(dueTo, -slip);
      const baselineFrom = dueFrom === dueTo ? baselineTo : addDays(dueFrom, -slip);
      let status = 'not-started';
      let doneOn: IsoDate | null = null;
      if (dueTo < today) {
        const roll = dice.float();
        const open = 0.03 + 0.07 * (1 - delivery);
        if (roll < 0.03) status = 'dropped';
        else if (roll < 1 - open) {
          status = 'done';
          const early = addDays(dueTo, -dice.int(0, 20));
          doneOn = early > today ? today : early;
        } else status = dice.chance(0.6) ? 'in-progress' : 'not-started';
      } else if (dueTo < addDays(today, 90)) status = dice.chance(0.5) ? 'in-progress' : 'not-started';
      batch.milestones.push({
        id: milestoneId, commitment_id: commitmentId, position: m + 1,
        text: `${dice.pick(words.MILESTONE_VERBS)} ${dice.pick(words.MILESTONE_OBJECTS)}`,
        due_from: dueFrom, due_to: dueTo, baseline_from: baselineFrom, baseline_to: baselineTo, recurrence: null, status, done_on: doneOn,
      });
      if (redated) {
        const changed = addDays(baselineTo, -dice.int(1, 20));
        batch.milestone_redates.push({
          id: next(ids, 'milestone_redates'), milestone_id: milestoneId, old_from: baselineFrom, old_to: baselineTo, new_from: dueFrom, new_to: dueTo,
          reason: dice.pick(words.REDATE_REASONS), changed_by: reviewerId, changed_at: stamp(changed > today ? today : changed),
        });
      }
    }

    const measure = measures[index];
    if (measure) {
      const kpiId = next(ids, 'kpis');
      const baseline = dice.int(20, 70);
      const change = dice.int(10, 30);
      const target = measure.direction === 'higher' ? baseline + change : Math.max(1, baseline - change);
      batch.kpis.push({
        id: kpiId, commitment_id: commitmentId, position: 1, text: `KPI: ${measure.text}`, unit: measure.unit, baseline, target,
        target_date: calendar.planTo, direction: measure.direction,
      });
      // How far along the line this KPI keeps: 0.8 (behind: off trajectory) to 1.25 (ahead).
      const pace = 0.8 + 0.35 * dice.float() + 0.1 * delivery;
      for (let q = 0; q <= calendar.latestEnded; q += 1) {
        const period = calendar.periods[q];
        if (!period) continue;
        const share = daysBetween(calendar.planFrom, period.to) / planDays;
        const noise = (dice.float() - 0.5) * change * 0.08;
        batch.kpi_readings.push({
          id: next(ids, 'kpi_readings'), kpi_id: kpiId, date: period.to,
          value: Math.round((baseline + (target - baseline) * share * pace + noise) * 10) / 10, note: null, source: 'Quarterly return',
        });
      }
    }

    let rag = firstRag(dice);
    if (delivery < 0.2 && rag === 'green') rag = 'amber';
    for (let q = 0; q <= calendar.latestEnded; q += 1) {
      const period = calendar.periods[q];
      const periodId = periodIds[q];
      if (!period || periodId === undefined) continue;
      if (q > 0) rag = drift(dice, rag);
      const latest = q === calendar.latestEnded;
      let state = 'signed-off';
      if (latest) {
        const roll = dice.float();
        if (roll < 0.15) continue; // not written yet: outstanding
        state = roll < 0.27 ? 'draft' : 'submitted';
      }
      const submitted = addDays(period.to, dice.int(1, 12));
      batch.progress_updates.push({
        id: next(ids, 'progress_updates'), commitment_id: commitmentId, review_period_id: periodId, version: 1, rag,
        narrative: `${dice.pick(words.PROGRESS_OPENINGS)} ${dice.pick(words.PROGRESS_DETAILS)}`, kpi_refs: '[]', response: null, state,
        correction_reason: null, created_by: reviewerId, created_at: stamp(submitted, 9), updated_at: stamp(submitted, 9),
        suggested_rag: null, suggested_reasons: null, rag_override_reason: null,
        submitted_at: state === 'draft' ? null : stamp(submitted), submitted_by: state === 'draft' ? null : reviewerId,
        response_at: null, response_by: null,
        signed_off_at: state === 'signed-off' ? stamp(addDays(period.due, 7)) : null, signed_off_by: state === 'signed-off' ? reviewerId : null,
      });
    }
  });
  return { organisationId, planId };
}

/** Rows per statement: well under SQLite's and PostgreSQL's limits on bound values. */
function chunks<T extends object>(rows: readonly T[]): T[][] {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const size = Math.max(1, Math.floor(8000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function insertBatch(db: Db, batch: Batch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of INSERT_ORDER) {
      // Each table's rows are typed by the batch; Kysely cannot relate the two through a union of table names.
      for (const part of chunks(batch[table] as object[])) await trx.insertInto(table).values(part as never).execute();
    }
  });
}

async function largestIds(db: Db): Promise<Ids> {
  const ids = {} as Ids;
  for (const table of ID_TABLES) {
    const row = await db.selectFrom(table).select(sql<number | null>`max(id)`.as('largest')).executeTakeFirst();
    ids[table] = Number(row?.largest ?? 0);
  }
  return ids;
}

/** PostgreSQL's serial sequences do not move when ids are given: set them past the largest id. */
async function advanceSequences(db: Db, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const table of ID_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(db);
  }
}

/**
 * Fills an empty database (no organisations yet) with `organisations` organisations and their plans. Returns
 * the sign-in details of a national reviewer (a reviewer in every organisation) and of the first organisation's
 * plan owner, with passwords made for this run.
 */
export async function generateSyntheticData(db: Db, dialect: Dialect, today: IsoDate, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  if (!Number.isInteger(options.organisations) || options.organisations < 1) throw new GenerateError('--orgs must be a whole number of at least 1');
  const existing = await db.selectFrom('organisations').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) {
    throw new GenerateError('The database already has organisations: generate fills an empty database (point DATABASE_URL at a new one).');
  }
  const dice = new Dice(seededRandom(options.seed));
  const ids = await largestIds(db);
  const calendar = syntheticCalendar(today);
  // Rows are dated as if made when the plans began, so the same seed on the same day gives the same rows.
  const createdAt = stamp(calendar.planFrom, 9);
  const names = organisationNames(dice, options.organisations);

  const reviewer = { name: `${dice.pick(words.FIRST_NAMES)} ${dice.pick(words.LAST_NAMES)}`, password: randomPassword() };
  const owner = { name: `${dice.pick(words.FIRST_NAMES)} ${dice.pick(words.LAST_NAMES)}`, password: randomPassword() };
  const firstName = names[0] ?? 'Organisation 1';
  const reviewerEmail = `national.reviewer.${options.seed}@synthetic.example`;
  const ownerEmail = `owner@${slug(firstName)}.synthetic.example`;
  const [reviewerHash, ownerHash] = await Promise.all([hashPassword(reviewer.password), hashPassword(owner.password)]);
  const reviewerId = next(ids, 'users');
  const ownerId = next(ids, 'users');
  await db
    .insertInto('users')
    .values([
      { id: reviewerId, email: reviewerEmail, name: reviewer.name, password_hash: reviewerHash, created_at: createdAt },
      { id: ownerId, email: ownerEmail, name: owner.name, password_hash: ownerHash, created_at: createdAt },
    ])
    .execute();

  const rows: Record<string, number> = { users: 2 };
  const batchSize = 10;
  for (let start = 0; start < names.length; start += batchSize) {
    const batch = emptyBatch();
    const ctx: OrgContext = { dice, ids, batch, today, calendar, reviewerId, createdAt };
    for (const name of names.slice(start, start + batchSize)) {
      const { organisationId } = addOrganisation(ctx, name);
      if (organisationId === ids.organisations && name === firstName) {
        batch.memberships.push({ user_id: ownerId, organisation_id: organisationId, role: 'plan-owner' });
      }
    }
    await insertBatch(db, batch);
    for (const table of INSERT_ORDER) rows[table] = (rows[table] ?? 0) + batch[table].length;
    options.onProgress?.(Math.min(names.length, start + batchSize), names.length);
  }
  await advanceSequences(db, dialect);

  return {
    organisations: names.length,
    rows,
    accounts: [
      { email: reviewerEmail, password: reviewer.password, name: reviewer.name, roleLabel: 'Reviewer (national: every organisation)', organisation: `${names.length} organisations` },
      { email: ownerEmail, password: owner.password, name: owner.name, roleLabel: 'Plan owner', organisation: firstName },
    ],
    milliseconds: Math.round(performance.now() - started),
  };
}

/** The sign-in details, laid out as the demo accounts are on start-up (see demoSignInText in demo.ts). */
export function syntheticSignInText(url: string, accounts: readonly GeneratedAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const lines = accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.password.padEnd(18)}  ${a.roleLabel}, ${a.organisation}`);
  return [`Synthetic data is ready (passwords made for this run: keep them safe). Sign in at ${url}/sign-in with:`, ...lines].join('\n');
}
