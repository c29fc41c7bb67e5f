// The quarterly review pages (journey 4): a plan's review periods, the reviewer's task list for a period, the
// update form → check your answers → submit, the organisation's response, sign-off, corrections, the comparison
// with the previous period and each commitment's update history. Refusals from the review service become
// 404/403/409 pages in errors.ts.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import { handleReviewError } from './errors.ts';
import { historyRoutes } from './history-routes.ts';
import { periodRoutes } from './period-routes.ts';
import { updateRoutes } from './update-routes.ts';

export async function reviewRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.setErrorHandler(handleReviewError);
  await periodRoutes(app, deps);
  await updateRoutes(app, deps);
  await historyRoutes(app, deps);
}
