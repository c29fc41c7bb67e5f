// Milestone pages: edit, re-date and mark as done.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { editMilestoneRoutes } from './edit.ts';
import { redateMilestoneRoutes } from './redate.ts';
import { doneMilestoneRoutes } from './done.ts';

export async function milestoneRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  await app.register(editMilestoneRoutes, deps);
  await app.register(redateMilestoneRoutes, deps);
  await app.register(doneMilestoneRoutes, deps);
}
