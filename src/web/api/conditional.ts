// Conditional requests. Every read carries an ETag, a digest of what it answers, and answers 304 when
// If-None-Match names it. Every write needs If-Match with the ETag of the thing's current read (the same digest,
// made the same way): none is 428, another one 412, so a change made on a stale read never overwrites a newer one.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problems.ts';

export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
}

function listed(header: string | undefined): string[] {
  return (header ?? '').split(',').map((t) => t.trim().replace(/^W\//, '')).filter(Boolean);
}

/** Sends the read with its ETag, or 304 when the client's copy is current. */
export function sendRead(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const etag = etagOf(body);
  reply.header('etag', etag);
  // A client may keep its copy and ask again with If-None-Match; a shared cache may not keep it at all.
  reply.header('cache-control', 'private, no-cache');
  const wanted = listed(request.headers['if-none-match']);
  if (wanted.includes(etag) || wanted.includes('*')) return reply.code(304).send();
  return reply.send(body);
}

/** True when If-Match names `current`'s ETag; otherwise sends the 428 or 412 problem and returns false. */
export function matchesCurrent(request: FastifyRequest, reply: FastifyReply, current: unknown): boolean {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    sendProblem(request, reply, 428, 'Send If-Match with the ETag of your latest read of this.');
    return false;
  }
  if (!listed(header).includes(etagOf(current))) {
    sendProblem(request, reply, 412, 'This has changed since the read whose ETag you sent: read it again.');
    return false;
  }
  return true;
}
