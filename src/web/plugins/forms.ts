// Parses url-encoded form posts (every form in the service works without JavaScript).
import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';

export async function setUpForms(app: FastifyInstance): Promise<void> {
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
}
