// The portfolio service: a reviewer's or admin's roll-up across the organisations they cover and the exception
// report, judged on the one clock's today.
import type { ServiceContext } from './context.ts';
import type { CurrentUser } from './accounts.ts';
import { coveredOrganisations, hasPortfolio, portfolioExceptions, portfolioRollUp, type PortfolioRequest } from './portfolio.ts';

export type { CoveredOrganisation, PeriodChoice, PortfolioExceptions, PortfolioRequest, RollUp } from './portfolio.ts';
export type { GridCell, GridFilters, GridRow, GridSort, SeenRating } from '../domain/portfolio.ts';
export { GRID_PAGE_SIZE, GRID_SORTS, NO_FILTERS, cellText, changeText, gridPage, type GridPage } from '../domain/portfolio.ts';
export type { ExceptionReport, OffTrackKpi, RatingException, SlippedMilestone } from '../domain/portfolio-exceptions.ts';

export function portfolioService({ db, clock }: ServiceContext) {
  return {
    /** The organisations the user covers (reviewer or admin there). */
    covered: (user: CurrentUser) => coveredOrganisations(user),
    has: (user: CurrentUser | null | undefined) => hasPortfolio(user),
    /** The RAG grid for a period (default: the latest that has ended), filtered and sorted. */
    rollUp: (user: CurrentUser, request: PortfolioRequest) => portfolioRollUp(db, user, request, clock.today()),
    /** Reds, worsened ratings, slipped milestones and KPIs off trajectory, as at today. */
    exceptions: (user: CurrentUser, period?: string) => portfolioExceptions(db, user, period, clock.today()),
  };
}

export type PortfolioService = ReturnType<typeof portfolioService>;
