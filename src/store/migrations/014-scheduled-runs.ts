// Scheduled work that must run once a day across every instance of the service (the reminder e-mails): one row
// per job per day, claimed by the instance that runs it. The primary key (job, day) lets only one claim succeed;
// a run that did not finish ('incomplete', or 'running' for too long) may be claimed again by a later check.
import type { Kysely } from 'kysely';
import { optionalText, requiredText } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduled_runs')
    // status: 'running', 'done' or 'incomplete' (something could not be done; a later run tries again).
    // instance: which instance claimed it (host and process), for the logs and the operator.
    .$call(requiredText('job', 'day', 'status', 'instance', 'claimed_at'))
    .$call(optionalText('finished_at', 'summary'))
    .addPrimaryKeyConstraint('scheduled_runs_pk', ['job', 'day'])
    .execute();
}
