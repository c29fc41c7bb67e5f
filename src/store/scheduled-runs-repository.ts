// The day's runs of scheduled work (migration 014): claimed by one instance, then finished. The table is declared
// here rather than in schema.ts: only this module and its migration use it.
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../domain/types.ts';
import type { Database } from './schema.ts';

export interface ScheduledRunsTable {
  job: string;
  day: string;
  status: string;
  instance: string;
  claimed_at: string;
  finished_at: string | null;
  summary: string | null;
}

export type RunStatus = 'running' | 'done' | 'incomplete';

export interface ScheduledRun {
  job: string;
  day: IsoDate;
  status: RunStatus;
  instance: string;
  claimedAt: string;
  finishedAt: string | null;
  summary: string | null;
}

type RunsDb = Kysely<Database & { scheduled_runs: ScheduledRunsTable }>;
const runs = (db: Kysely<Database>): RunsDb => db.withTables<{ scheduled_runs: ScheduledRunsTable }>();

function statusOf(value: string): RunStatus {
  return value === 'done' || value === 'incomplete' ? value : 'running';
}

/**
 * Claims the day's run of `job` for `instance`: true when this instance is to run it. One statement, so two
 * instances claiming at the same moment cannot both win: the first inserts the row; the other finds it and may
 * take it over only when it did not finish ('incomplete'), or was claimed before `staleBefore` and never finished
 * (its instance died), or — with `again` (someone asked for it by hand) — finished. A run going on now is never
 * taken over.
 */
export async function claimRun(
  db: Kysely<Database>,
  claim: { job: string; day: IsoDate; instance: string; at: string; staleBefore: string; again?: boolean },
): Promise<boolean> {
  const retaken = claim.again ? ['incomplete', 'done'] : ['incomplete'];
  const row = await runs(db)
    .insertInto('scheduled_runs')
    .values({ job: claim.job, day: claim.day, status: 'running', instance: claim.instance, claimed_at: claim.at })
    .onConflict((oc) =>
      oc
        .columns(['job', 'day'])
        .doUpdateSet({ status: 'running', instance: claim.instance, claimed_at: claim.at, finished_at: null })
        .where((eb) =>
          eb.or([
            eb('scheduled_runs.status', 'in', retaken),
            eb.and([eb('scheduled_runs.status', '=', 'running'), eb('scheduled_runs.claimed_at', '<', claim.staleBefore)]),
          ]),
        ),
    )
    .returning(sql<string>`job`.as('job'))
    .executeTakeFirst();
  return row !== undefined;
}

/** Records how the claimed run ended (only the instance holding the claim can). */
export async function finishRun(
  db: Kysely<Database>,
  run: { job: string; day: IsoDate; instance: string; status: 'done' | 'incomplete'; at: string; summary: string },
): Promise<void> {
  await runs(db)
    .updateTable('scheduled_runs')
    .set({ status: run.status, finished_at: run.at, summary: run.summary })
    .where('job', '=', run.job)
    .where('day', '=', run.day)
    .where('instance', '=', run.instance)
    .execute();
}

export async function findRun(db: Kysely<Database>, job: string, day: IsoDate): Promise<ScheduledRun | undefined> {
  const row = await runs(db).selectFrom('scheduled_runs').selectAll().where('job', '=', job).where('day', '=', day).executeTakeFirst();
  return row && {
    job: row.job,
    day: row.day,
    status: statusOf(row.status),
    instance: row.instance,
    claimedAt: row.claimed_at,
    finishedAt: row.finished_at,
    summary: row.summary,
  };
}
