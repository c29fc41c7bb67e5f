// The portfolio of a reviewer or an admin: /portfolio (the RAG grid of every organisation they cover, with GET
// filters and sorting that work without JavaScript), /portfolio.csv (the same grid, same query), and the
// exception report as a page, a PDF and a Word file. Any signed-in user may ask; the service decides what they
// cover (none: the page explains how a portfolio comes about).
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps.ts';
import type { AccessRule } from '../../plugins/access.ts';
import { portfolioGridCsv } from '../../../export/portfolio-grid-csv.ts';
import { EXCEPTION_TITLE, asAtLine, exceptionTables } from '../../../export/portfolio-exceptions-text.ts';
import { GRID_SORTS } from '../../../services/portfolio-service.ts';
import type { ExceptionReport } from '../../../domain/portfolio-exceptions.ts';
import {
  exceptionsQuerySchema,
  portfolioQuerySchema,
  pageNumber,
  portfolioRequest,
  queryString,
  type ExceptionsQuery,
  type PortfolioQuery,
} from './query.ts';
import { gridView, paginationView } from './grid-view.ts';

const SIGNED_IN: AccessRule = { signedIn: true };
const SORT_LABELS: Record<(typeof GRID_SORTS)[number], string> = { name: 'Organisation name', reds: 'Most reds', overdue: 'Most overdue milestones' };

const coverage = (n: number) => `${n} organisation${n === 1 ? '' : 's'}`;
/** "portfolio-exceptions-2026-27-q2": the file's name says what it holds and for which period. */
const fileStem = (what: string, period: string | null) => `${what}${period ? `-${period.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''}`;

export async function portfolioRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.get<{ Querystring: PortfolioQuery }>(
    '/portfolio',
    { config: { access: SIGNED_IN, pageCache: true }, schema: { querystring: portfolioQuerySchema } },
    async (request, reply) => {
      const rollUp = await services.portfolio.rollUp(request.user!, portfolioRequest(request.query));
      const grid = gridView(rollUp, pageNumber(request.query));
      const { page: _page, ...choices } = request.query;
      return reply.view('pages/portfolio/index.njk', {
        pageTitle: grid.page.pages > 1 ? `Portfolio (page ${grid.page.page} of ${grid.page.pages})` : 'Portfolio',
        rollUp,
        grid,
        pagination: paginationView(grid.page, (n) => `/portfolio${queryString({ ...choices, page: n === 1 ? undefined : String(n) })}`),
        values: request.query,
        sorts: GRID_SORTS.map((s) => ({ value: s, text: SORT_LABELS[s] })),
        // The whole grid, every page, with the same period, filters and order.
        csvUrl: `/portfolio.csv${queryString(choices)}`,
        exceptionsUrl: `/portfolio/exceptions${queryString({ period: rollUp.period ?? undefined })}`,
      });
    },
  );

  app.get<{ Querystring: PortfolioQuery }>(
    '/portfolio.csv',
    { config: { access: SIGNED_IN }, schema: { querystring: portfolioQuerySchema } },
    async (request, reply) => {
      const rollUp = await services.portfolio.rollUp(request.user!, portfolioRequest(request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileStem('portfolio', rollUp.period)}.csv"`)
        .send(portfolioGridCsv(rollUp));
    },
  );

  app.get<{ Querystring: ExceptionsQuery }>(
    '/portfolio/exceptions',
    { config: { access: SIGNED_IN, pageCache: true }, schema: { querystring: exceptionsQuerySchema } },
    async (request, reply) => {
      const report = await services.portfolio.exceptions(request.user!, request.query.period || undefined);
      const period = queryString({ period: report.periodLabel ?? undefined });
      return reply.view('pages/portfolio/exceptions.njk', {
        pageTitle: EXCEPTION_TITLE,
        report,
        asAt: asAtLine(report),
        coverage: coverage(report.covered.length),
        sections: exceptionTables(report),
        pdfUrl: `/portfolio/exceptions.pdf${period}`,
        docxUrl: `/portfolio/exceptions.docx${period}`,
        gridUrl: `/portfolio${period}`,
      });
    },
  );

  // The exception report as a file. Each library is loaded when asked for, so the web service starts without it.
  const downloads = [
    {
      extension: 'pdf', type: 'application/pdf',
      render: async (report: ExceptionReport, options: { coverage: string }) =>
        (await import('../../../export/portfolio-exceptions-pdf.ts')).portfolioExceptionsPdf(report, options),
    },
    {
      extension: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      render: async (report: ExceptionReport, options: { coverage: string }) =>
        (await import('../../../export/portfolio-exceptions-docx.ts')).portfolioExceptionsDocx(report, options),
    },
  ];
  for (const { extension, type, render } of downloads) {
    app.get<{ Querystring: ExceptionsQuery }>(
      `/portfolio/exceptions.${extension}`,
      { config: { access: SIGNED_IN }, schema: { querystring: exceptionsQuerySchema } },
      async (request, reply) => {
        const report = await services.portfolio.exceptions(request.user!, request.query.period || undefined);
        const file = await render(report, { coverage: coverage(report.covered.length) });
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${fileStem('portfolio-exceptions', report.periodLabel)}.${extension}"`)
          .send(file);
      },
    );
  }
}
