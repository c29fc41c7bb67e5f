// "Changed since" for the JSON API's lists: a thing has changed since a moment when the audit trail has an event
// about it from then on (every change goes through an audited service function), or its own timestamps say so.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

function idIn(json: string | null, field: string): number | null {
  if (!json) return null;
  try {
    const value = (JSON.parse(json) as Record<string, unknown> | null)?.[field];
    return typeof value === 'number' && Number.isInteger(value) ? value : null;
  } catch {
    return null;
  }
}

export function changedSinceFilter(db: Kysely<Database>) {
  const events = (since: string) => db.selectFrom('audit_events').where('at', '>=', since);

  return {
    /** Ids of `entity` with an audit event about them since `since`. */
    async entities(entity: string, since: string): Promise<Set<number>> {
      const rows = await events(since).select('entity_id').where('entity', '=', entity).where('entity_id', 'is not', null).execute();
      return new Set(rows.map((r) => r.entity_id as number));
    },

    /** Plans with any audited change in them since `since`. */
    async plans(since: string): Promise<Set<number>> {
      const rows = await events(since).select('plan_id').where('plan_id', 'is not', null).execute();
      return new Set(rows.map((r) => r.plan_id as number));
    },

    /** Milestones changed, or given evidence, since `since`. */
    async milestones(since: string): Promise<Set<number>> {
      const rows = await events(since).select(['entity', 'entity_id', 'after']).where('entity', 'in', ['milestone', 'evidence']).execute();
      const ids = new Set<number>();
      for (const r of rows) {
        const id = r.entity === 'milestone' ? r.entity_id : idIn(r.after, 'milestoneId');
        if (id !== null) ids.add(id);
      }
      return ids;
    },

    /** KPI readings recorded since `since`. */
    async readings(since: string): Promise<Set<number>> {
      const rows = await events(since).select('after').where('entity', '=', 'kpi').where('action', '=', 'reading').execute();
      return new Set(rows.flatMap((r) => {
        const id = idIn(r.after, 'id');
        return id === null ? [] : [id];
      }));
    },
  };
}
