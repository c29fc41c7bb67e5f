// All settings come from the environment, read here once. See .env.example.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  demo: boolean;
  production: boolean;
  sessionHours: number;
  importMaxBytes: number;
  logLevel: string;
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(false|0|no|off)$/i.test(value.trim());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || resolve(dataDir, 'tracker.sqlite');
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    demo: bool(env.DEMO, true),
    production,
    sessionHours: int('SESSION_HOURS', env.SESSION_HOURS, 8),
    importMaxBytes: int('IMPORT_MAX_BYTES', env.IMPORT_MAX_BYTES, 10 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || (env.CI ? 'warn' : 'info'),
  };
}
