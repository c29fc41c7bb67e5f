// What the portfolio's GET forms send: the review period, the filters and the sort. Every field is optional (a
// first visit sends none); anything unknown falls back to the default rather than failing, as a filter should.
import Type, { type Static } from 'typebox';
import { choiceField } from '../../validation.ts';
import { GRID_SORTS, type GridFilters, type GridSort, type PortfolioRequest } from '../../../services/portfolio-service.ts';

export const portfolioQuerySchema = Type.Object({
  period: choiceField('Review period', 60),
  name: choiceField('Organisation name contains', 100),
  reds: choiceField('Only organisations with reds', 5),
  worsened: choiceField('Only organisations with worsened ratings', 5),
  sort: choiceField('Sort by', 10),
  page: choiceField('Page', 6),
});

export type PortfolioQuery = Static<typeof portfolioQuerySchema>;

export const exceptionsQuerySchema = Type.Object({ period: choiceField('Review period', 60) });
export type ExceptionsQuery = Static<typeof exceptionsQuerySchema>;

const isSort = (value: string | undefined): value is GridSort => GRID_SORTS.some((s) => s === value);

export function portfolioRequest(query: PortfolioQuery): PortfolioRequest {
  const filters: GridFilters = {
    name: query.name?.trim() ?? '',
    onlyReds: query.reds === 'yes',
    onlyWorsened: query.worsened === 'yes',
    sort: isSort(query.sort) ? query.sort : 'name',
  };
  return { period: query.period || undefined, filters };
}

/** The query again, without empty fields, for links that keep the same choices (the CSV, the exceptions). */
export function queryString(query: Record<string, string | undefined>): string {
  const kept = Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  const params = new URLSearchParams(kept);
  return params.size ? `?${params}` : '';
}

/** The page of the grid asked for (1 when absent or not a number). */
export function pageNumber(query: PortfolioQuery): number {
  return query.page && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
}
