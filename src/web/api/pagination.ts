// Pages of a list: `?limit=` items from `?cursor=` (opaque: where the page starts), with the address of the next
// page, which keeps the query's other settings, or null on the last page.
import type { FastifyRequest } from 'fastify';
import { sendProblem } from './problems.ts';
import type { FastifyReply } from 'fastify';

export interface ListQuery {
  limit?: number;
  cursor?: string;
  changedSince?: string;
}

export const DEFAULT_LIMIT = 50;

const encode = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');

function decode(cursor: string | undefined): number | null {
  if (cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  return /^o\d{1,9}$/.test(text) ? Number(text.slice(1)) : null;
}

export interface ListPage<T> {
  items: T[];
  next: string | null;
}

/** The ISO timestamp `changedSince` as stored timestamps are written (UTC, milliseconds), or undefined. */
export function sinceOf(query: ListQuery): string | undefined {
  return query.changedSince === undefined ? undefined : new Date(query.changedSince).toISOString();
}

/** The page the query asks for; null (the 400 problem sent) when the cursor is not one this API made. */
export function pageOf<T>(request: FastifyRequest, reply: FastifyReply, all: readonly T[], query: ListQuery): ListPage<T> | null {
  const offset = decode(query.cursor);
  if (offset === null) {
    sendProblem(request, reply, 400, 'The cursor is not one this API gave: start again without it.', [{ field: 'cursor', message: 'cursor is not valid' }]);
    return null;
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const items = all.slice(offset, offset + limit);
  let next: string | null = null;
  if (offset + limit < all.length) {
    const params = new URLSearchParams({ limit: String(limit), cursor: encode(offset + limit) });
    if (query.changedSince !== undefined) params.set('changedSince', query.changedSince);
    next = `${request.url.split('?')[0]}?${params.toString()}`;
  }
  return { items, next };
}
