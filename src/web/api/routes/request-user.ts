// The token's user on an API route whose access rule has let the request through (so there is one).
import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../../services/accounts.ts';

export function apiUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error('unreachable: the access rule lets only a token user through');
  return request.user;
}
