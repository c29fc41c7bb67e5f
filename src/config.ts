// All settings come from the environment, read here once. See .env.example.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  demo: boolean;
  production: boolean;
  /** NODE_ENV=development: templates recompiled on every request, errors shown in full. Off unless asked for. */
  development: boolean;
  sessionHours: number;
  importMaxBytes: number;
  logLevel: string;
  smtp: SmtpConfig;
  /** Sender of reminder e-mails. */
  mailFrom: string;
  /** Reminders name milestones due within this many days. */
  reminderDays: number;
  /** The service's address as people reach it, for links in e-mails and calendar feed addresses. */
  serviceUrl: string;
  /** Shown in the page header and titles (SERVICE_NAME). */
  serviceName: string;
  /** The organisation that runs this copy of the service, named in the header and footer (OPERATOR_NAME). */
  operatorName: string;
  /** Where the operator's name in the header leads (OPERATOR_URL); default: this service's home page. */
  operatorUrl: string;
  /** Single sign-on with an OpenID Connect provider; null when OIDC_ISSUER is not set. */
  oidc: OidcConfig | null;
  /** Most megabytes of rendered pages kept in memory (PAGE_CACHE_MB: default 32, 0 in development; 0: none). See web/rendered-pages.ts. */
  pageCacheMb?: number;
}

export interface OidcConfig {
  /** The provider's issuer URL (OIDC_ISSUER), where /.well-known/openid-configuration is found. */
  issuer: string;
  clientId: string;
  /** Never logged. */
  clientSecret: string;
  /** Shown on the button: "Sign in with <displayName>" (OIDC_NAME). */
  displayName: string;
}

export interface SmtpConfig {
  /** Empty: no SMTP server is set, reminders cannot be sent. */
  host: string;
  port: number;
  secure: boolean;
  user: string;
  /** Never logged. */
  pass: string;
}

export const DEFAULT_SERVICE_NAME = 'Improvement Tracker';
/** The demo's organisation (DEMO_ORGANISATION in services/demo.ts) runs the service while demo mode is on. */
export const DEMO_OPERATOR_NAME = 'Kestrel Vale Council';
/** Without demo mode and without OPERATOR_NAME: a name that plainly asks to be set. */
export const DEFAULT_OPERATOR_NAME = 'Your organisation';

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

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  if (!env.OIDC_CLIENT_ID?.trim()) throw new Error('OIDC_ISSUER is set, so OIDC_CLIENT_ID must be set too');
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    displayName: env.OIDC_NAME?.trim() || 'your work account',
  };
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
    // Off unless asked for: `tracker serve --demo` (npm start) or DEMO=true.
    demo: bool(env.DEMO, false),
    production,
    development: env.NODE_ENV === 'development',
    sessionHours: int('SESSION_HOURS', env.SESSION_HOURS, 8),
    importMaxBytes: int('IMPORT_MAX_BYTES', env.IMPORT_MAX_BYTES, 10 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || (env.CI ? 'warn' : 'info'),
    smtp: {
      host: env.SMTP_HOST || '',
      port: int('SMTP_PORT', env.SMTP_PORT, bool(env.SMTP_SECURE, false) ? 465 : 587),
      secure: bool(env.SMTP_SECURE, false),
      user: env.SMTP_USER || '',
      pass: env.SMTP_PASS || '',
    },
    mailFrom: env.MAIL_FROM || 'Improvement Tracker <no-reply@localhost>',
    reminderDays: int('REMINDER_DAYS', env.REMINDER_DAYS, 14),
    serviceUrl: (env.SERVICE_URL || `http://localhost:${int('PORT', env.PORT, 3000)}`).replace(/\/+$/, ''),
    serviceName: env.SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME,
    operatorName: env.OPERATOR_NAME?.trim() || (bool(env.DEMO, false) ? DEMO_OPERATOR_NAME : DEFAULT_OPERATOR_NAME),
    operatorUrl: env.OPERATOR_URL?.trim() || '/',
    oidc: oidcConfig(env),
    // Off in development, where templates change between requests.
    pageCacheMb: int('PAGE_CACHE_MB', env.PAGE_CACHE_MB, env.NODE_ENV === 'development' ? 0 : 32),
  };
}
