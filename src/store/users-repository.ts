// Users: one row per person. Emails are stored lower-cased so look-ups ignore case.
import type { Kysely } from 'kysely';
import type { Database, UserRow } from './schema.ts';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      name: user.name.trim(),
      password_hash: user.passwordHash,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function getUser(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function setDisabled(db: Kysely<Database>, id: number, disabledAt: string | null): Promise<void> {
  await db.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
}

export async function setServiceAdmin(db: Kysely<Database>, id: number, serviceAdmin: boolean): Promise<void> {
  await db.updateTable('users').set({ service_admin: serviceAdmin ? 1 : 0 }).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Kysely<Database>, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}
