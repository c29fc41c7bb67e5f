// Security headers, made by helmet once at start: they are the same for every response but for the CSP's
// per-request nonce, which scripts and styles must carry unless they come from this origin. The views hand the
// nonce to govuk/template.njk (`cspNonce`) for its inline "js-enabled" script. (Asking helmet for a new policy on
// every request, as @fastify/helmet does for nonces, cost more than the rest of serving a kept page.)
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's CSP nonces (one value for scripts and styles). */
    cspNonce: { script: string; style: string } | null;
  }
}

/** Stands in for the nonce while the policy is made once; replaced on every response. */
const NONCE_MARK = 'nonce-mark-0b8e4d';

/** The headers helmet sets for these options, read off once by letting it write to a stand-in response. */
function helmetHeaders(options: Parameters<typeof helmet>[0]): Map<string, string> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

export async function setUpSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", `'${NONCE_MARK}'`],
        styleSrc: ["'self'", `'${NONCE_MARK}'`],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  const policy = headers.get('content-security-policy');
  if (!policy?.includes(NONCE_MARK)) throw new Error('helmet made no Content-Security-Policy with the nonce in it');
  headers.delete('content-security-policy');
  const fixed = Object.fromEntries(headers);
  const [before, between, after] = policy.split(NONCE_MARK) as [string, string, string];

  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', (_request, reply, done) => {
    // 122 random bits from Node's pooled generator: unguessable, and far cheaper than two randomBytes calls.
    const nonce = randomUUID().replaceAll('-', '');
    reply.cspNonce = { script: nonce, style: nonce };
    reply.headers(fixed);
    reply.header('content-security-policy', `${before}nonce-${nonce}${between}nonce-${nonce}${after}`);
    done();
  });
}
