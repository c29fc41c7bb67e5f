// Opens the database named by a URL: postgres://… for PostgreSQL, anything else is a SQLite file path.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient, type SqliteDatabase } from 'kysely';
import type Pg from 'pg';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.ts';

// Only the driver in use is loaded (both are CommonJS, so require() keeps openStore synchronous).
const require = createRequire(import.meta.url);

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL only: the schema every connection works in (its `search_path`). It must already exist. */
  pgSchema?: string;
  /** PostgreSQL only: most connections the pool opens (default 10). */
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function openStore(url: string, options: StoreOptions = {}): Store {
  if (isPostgresUrl(url)) {
    const { pgSchema } = options;
    if (pgSchema !== undefined && !SCHEMA_NAME.test(pgSchema)) {
      throw new Error(`PostgreSQL schema name "${pgSchema}" must be lower-case letters, digits and underscores`);
    }
    const pg = require('pg') as typeof import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(pgSchema ? { options: `-c search_path=${pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/i, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const SQLite = require('better-sqlite3') as typeof import('better-sqlite3');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // Durability: synchronous=FULL syncs the WAL at every commit. With NORMAL (the usual WAL pairing) a commit is
  // safe from a crash or kill of the process — the WAL is in the OS's cache — but the last commits can be lost
  // on power loss or an OS crash, after the service has told someone their change was saved. A saved review,
  // sign-off or audit event must not silently disappear, and this service writes a few times a minute, so the
  // cost of one fsync per commit is worth paying: FULL. (bench/crash-kill.ts checks the process-kill case.)
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const STATEMENTS_KEPT = 500;

/**
 * Kysely prepares every query it runs; preparing costs more than running the small queries a page is made of. The
 * statements are kept, by their SQL, and reused (the oldest go past STATEMENTS_KEPT). A reused statement must not
 * be running already: this service never streams a query (Kysely's `stream`), so none is.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/** SQL texts PostgreSQL keeps prepared on each connection, by name (see `prepareOnPostgres`). */
const preparedOnPostgres = new Map<string, string>();

/**
 * Asks PostgreSQL to keep this query prepared on each connection, so that it is parsed and planned once per
 * connection rather than on every run: for the few queries every request makes (reading the session). Only for a
 * fixed text with parameters: every distinct text holds a prepared statement on every connection.
 */
export function prepareOnPostgres(text: string): void {
  if (!preparedOnPostgres.has(text)) preparedOnPostgres.set(text, `tracker_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
}

/** The pool as Kysely sees it, running the texts named by `prepareOnPostgres` as named (prepared) statements. */
function withPreparedStatements(pool: Pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        release: (destroy?: boolean) => client.release(destroy),
        query: ((query: string | object, values?: readonly unknown[]) => {
          if (typeof query !== 'string') return client.query(query as Pg.Submittable);
          const name = preparedOnPostgres.get(query);
          return client.query(name ? { name, text: query, values: values as unknown[] } : { text: query, values: values as unknown[] });
        }) as unknown as PostgresPoolClient['query'],
      };
    },
  };
}
