// Sending e-mail over SMTP (nodemailer). The SMTP settings come from config; the password is handed to nodemailer
// only and never appears in a message or log line this module writes.
import { createRequire } from 'node:module';
import type { SmtpConfig } from '../config.ts';

// nodemailer (CommonJS) loads when a mailer is made, not with this module: the web service never sends mail itself.
const require = createRequire(import.meta.url);

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  /** The plain-text body, which every mail program can show. */
  text: string;
  /** The same message as HTML, shown by mail programs that prefer it (a multipart/alternative message). */
  html?: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects with a MailError otherwise. */
  send(message: MailMessage): Promise<{ messageId: string | null }>;
  close(): void;
}

/** An e-mail could not be sent: the message says why in words an operator can act on. */
export class MailError extends Error {
  override name = 'MailError';
  constructor(
    message: string,
    /** The SMTP server could not be reached at all: any other e-mail would fail the same way. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

function explain(error: unknown, smtp: SmtpConfig): MailError {
  const err = error as { code?: string; message?: string; responseCode?: number };
  const server = `${smtp.host}:${smtp.port}`;
  // nodemailer reports a refused connection as ESOCKET with "connect ECONNREFUSED …" in its message.
  const network = [...NETWORK_CODES].find((code) => err.code === code || err.message?.includes(code));
  const detail = network ?? err.code ?? err.message ?? String(error);
  if (network || err.code === 'ESOCKET' || err.code === 'ECONNECTION') {
    return new MailError(`The SMTP server ${server} could not be reached (${detail}): check SMTP_HOST and SMTP_PORT`, true);
  }
  if (err.code === 'EAUTH') return new MailError(`The SMTP server ${server} refused the user name or password (SMTP_USER, SMTP_PASS)`);
  return new MailError(`The SMTP server ${server} did not accept the e-mail: ${err.message ?? detail}`);
}

/** A mailer for the SMTP server in `smtp`; a mailer that refuses to send when no SMTP_HOST is set. */
export function createSmtpMailer(smtp: SmtpConfig): Mailer {
  if (!smtp.host) {
    return {
      send: () => Promise.reject(new MailError('No SMTP server is set: set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASS) to send e-mail', true)),
      close: () => undefined,
    };
  }
  const nodemailer = require('nodemailer') as typeof import('nodemailer');
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    logger: false,
  });
  return {
    async send(message) {
      try {
        const info = (await transport.sendMail(message)) as { messageId?: string };
        return { messageId: info.messageId ?? null };
      } catch (error) {
        throw explain(error, smtp);
      }
    },
    close: () => transport.close(),
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A message's paragraphs and one link, as a plain-text body and the same as simple HTML. */
export function textAndHtml(paragraphs: string[], link: { text: string; url: string }, after: string[] = []): { text: string; html: string } {
  const text = [...paragraphs, `${link.text}:\n${link.url}`, ...after].join('\n\n') + '\n';
  const para = (p: string) => `<p style="font-family: Arial, sans-serif; font-size: 16px;">${escapeHtml(p)}</p>`;
  const html = [
    '<!doctype html><html lang="en"><body>',
    ...paragraphs.map(para),
    `<p style="font-family: Arial, sans-serif; font-size: 16px;"><a href="${escapeHtml(link.url)}">${escapeHtml(link.text)}</a></p>`,
    ...after.map(para),
    '</body></html>',
  ].join('\n');
  return { text, html };
}

/** Sends one message with a mailer made for it from the settings, then closes the connection. */
export async function sendOne(smtp: SmtpConfig, message: MailMessage): Promise<void> {
  const mailer = createSmtpMailer(smtp);
  try {
    await mailer.send(message);
  } finally {
    mailer.close();
  }
}
