// Column declarations the migrations share, so that the same kind of column is declared the same way in every
// table. Each gives exactly the column definition the migrations wrote out by hand before.
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Dialect } from '../database.ts';

export type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
type Table = CreateTableBuilder<string, string>;

export const notNull: Col = (c) => c.notNull();
/** A required reference to `table`.id: the row goes when the row it refers to goes. */
export const ref = (table: string): Col => (c) => c.notNull().references(`${table}.id`).onDelete('cascade');
/** An optional reference to `table`.id, cleared when the row it refers to goes. */
export const optRef = (table: string): Col => (c) => c.references(`${table}.id`).onDelete('set null');

/** The numeric primary key `id`, numbered by the database. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Text columns that must be set, in the order given (for `$call`). */
export function requiredText(...names: string[]): (table: Table) => Table {
  return (table) => names.reduce((t, name) => t.addColumn(name, 'text', notNull), table);
}

/** Text columns that may be empty (null), in the order given (for `$call`). */
export function optionalText(...names: string[]): (table: Table) => Table {
  return (table) => names.reduce((t, name) => t.addColumn(name, 'text'), table);
}
