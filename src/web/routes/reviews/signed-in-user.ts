// The signed-in user of a review route (each route runs app.requireUser first, so there always is one).
import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../../services/accounts.ts';

export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error('A review route ran without app.requireUser');
  return request.user;
}
