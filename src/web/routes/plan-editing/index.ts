// Editing plans by hand: plan settings, commitments (add, change, delete, order), milestones and monitoring items.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { planSettingsRoutes } from './plan-settings-routes.ts';
import { commitmentRoutes } from './commitment-routes.ts';
import { commitmentOrderRoutes } from './commitment-order-routes.ts';
import { milestoneRoutes } from './milestone-routes.ts';
import { monitoringRoutes } from './monitoring-routes.ts';

export async function planEditingRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  await planSettingsRoutes(app, deps);
  await commitmentRoutes(app, deps);
  await commitmentOrderRoutes(app, deps);
  await milestoneRoutes(app, deps);
  await monitoringRoutes(app, deps);
}
