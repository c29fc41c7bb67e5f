// The steps every repository repeats on its own table: insert a row and give it back, read, change or delete one
// row by id, and list the rows of a parent in a fixed order, each row read turning into a record.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from './schema.ts';
import { toCount } from './column-values.ts';

/** The tables whose rows are known by a numeric `id`. */
type TableWithId = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

type Row<T extends keyof Database> = Selectable<Database[T]>;
type Column<T extends keyof Database> = keyof Row<T> & string;

// Kysely cannot check a query on a table chosen by a type parameter, so the queries below are built on a view of
// the database as tables of plain columns; the types of what goes in and comes out are checked at the door.
type AnyTable = Record<string, unknown>;
type Loose = Kysely<Record<string, AnyTable>>;
const loose = (db: Kysely<Database>): Loose => db as unknown as Loose;

/** The common reads and writes of one table whose rows become records through `toRecord`. */
export function tableRows<T extends TableWithId, R>(table: T, toRecord: (row: Row<T>) => R) {
  const name: string = table;
  /** The row with this id as a record; undefined when there is none. */
  async function byId(db: Kysely<Database>, id: number): Promise<R | undefined> {
    const row = await loose(db).selectFrom(name).selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row as Row<T>);
  }
  return {
    byId,
    /** Inserts one row and gives it back as a record. */
    async insert(db: Kysely<Database>, values: Insertable<Database[T]>): Promise<R> {
      const row = await loose(db).insertInto(name).values(values).returningAll().executeTakeFirstOrThrow();
      return toRecord(row as Row<T>);
    },
    /**
     * Sets the columns given a value (those left undefined keep theirs) and gives the row back as a record;
     * undefined when there is no such row. With nothing to set it only reads the row.
     */
    async updateById(db: Kysely<Database>, id: number, changes: Updateable<Database[T]>): Promise<R | undefined> {
      const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      if (Object.keys(set).length === 0) return byId(db, id);
      const row = await loose(db).updateTable(name).set(set).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toRecord(row as Row<T>);
    },
    /** The rows whose `column` holds `value`, in the order of the columns given. */
    async listWhere(db: Kysely<Database>, column: Column<T>, value: number, ...orderBy: Column<T>[]): Promise<R[]> {
      let query = loose(db).selectFrom(name).selectAll().where(column as string, '=', value);
      for (const by of orderBy) query = query.orderBy(by as string);
      const rows = await query.execute();
      return rows.map((row) => toRecord(row as Row<T>));
    },
    /** Deletes the row (and, by the schema's cascades, what hangs off it); false when there was none. */
    async deleteById(db: Kysely<Database>, id: number): Promise<boolean> {
      const result = await loose(db).deleteFrom(name).where('id', '=', id).executeTakeFirst();
      return toCount(result.numDeletedRows) > 0;
    },
  };
}
