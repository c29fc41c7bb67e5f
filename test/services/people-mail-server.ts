// A real SMTP server (smtp-server) on 127.0.0.1 for the people tests: it keeps every message it receives, whole,
// so a test can read the link an invitation or a password reset sent, and see that the message has a plain-text
// and an HTML body.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { onWholeMessage } from './smtp-test-server.ts';

export interface CapturedMail {
  to: string[];
  subject: string;
  /** The whole message with quoted-printable soft breaks and escapes undone. */
  decoded: string;
}

function undoQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface MailCapture {
  mails: CapturedMail[];
  port: number;
  /** SMTP settings for loadConfig. */
  env: Record<string, string>;
  /** The first link in the newest message to `to` whose path starts with `pathStart`. */
  linkTo(to: string, pathStart: string): string;
  close(): Promise<void>;
}

export async function startMailCapture(): Promise<MailCapture> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: onWholeMessage((raw, to) => {
      const decoded = undoQuotedPrintable(raw);
      mails.push({ to, subject: /^subject:\s*(.*)$/im.exec(decoded)?.[1] ?? '', decoded });
    }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    port,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', MAIL_FROM: 'Tracker <tracker@example.org>' },
    linkTo(to, pathStart) {
      const mail = [...mails].reverse().find((m) => m.to.includes(to));
      if (!mail) throw new Error(`no e-mail to ${to}`);
      const escaped = pathStart.replace(/[/.]/g, '\\$&');
      const link = new RegExp(`https?://[^\\s"<>]+${escaped}[A-Za-z0-9_-]+`).exec(mail.decoded)?.[0];
      if (!link) throw new Error(`no ${pathStart} link in the e-mail to ${to}`);
      return link;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
