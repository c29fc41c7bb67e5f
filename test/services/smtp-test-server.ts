// A real SMTP server (smtp-server) on 127.0.0.1 and a random port, keeping every message it receives, for the
// reminder tests. Plain SMTP with AUTH (no STARTTLS), as a test stand-in for the organisation's mail relay.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export const SMTP_USER = 'tracker';
export const SMTP_PASS = 'smtp-secret-Pa55word';

export interface Received {
  to: string[];
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const text = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded text body of a single-part message (quoted-printable, base64 or 7bit). */
function bodyOf(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return { headers, text: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') return { headers, text: decodeQuotedPrintable(body).replace(/\r\n/g, '\n') };
  return { headers, text: body.replace(/\r\n/g, '\n') };
}

/** An smtp-server data handler that reads each message whole and gives it, with its recipients, to `keep`. */
export function onWholeMessage(keep: (raw: string, to: string[]) => void): SMTPServerOptions['onData'] {
  return (stream, session, callback) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      keep(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address));
      callback();
    });
  };
}

export async function startSmtpServer(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) callback(null, { user: SMTP_USER });
      else callback(new Error('Invalid username or password'));
    },
    onData: onWholeMessage((raw, to) => {
      const { headers, text } = bodyOf(raw);
      received.push({ to, subject: /^subject:\s*(.*)$/im.exec(headers)?.[1] ?? '', text });
    }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
