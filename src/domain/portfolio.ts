// The portfolio roll-up, as pure logic: how a commitment's rating moved since the previous review period, what a
// plan's row of the grid adds up to, and the filters and sorting of the grid. No I/O here: the service loads the
// ratings and counts, these functions decide what they mean.
import type { Rag } from './types.ts';

/** How a rating moved since the previous period: better or worse in RAG order, or unchanged / new / none. */
export type RagChange = 'better' | 'worse' | 'same' | 'new' | 'none';

/** Better is higher: Red < Amber < Green < Blue (complete), as in period-comparison.ts. */
const RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3 };

export function ragChange(previous: Rag | null, current: Rag | null): RagChange {
  if (current === null) return 'none';
  if (previous === null) return 'new';
  const step = RANK[current] - RANK[previous];
  return step > 0 ? 'better' : step < 0 ? 'worse' : 'same';
}

/** Red now and not red in the previous period (including no rating then). */
export function isNewRed(previous: Rag | null, current: Rag | null): boolean {
  return current === 'red' && previous !== 'red';
}

/** A rating as the viewer may see it: signed off, or submitted and not yet signed off. */
export interface SeenRating {
  rag: Rag;
  signedOff: boolean;
}

export interface GridCell {
  commitmentId: number;
  number: number;
  title: string;
  rating: SeenRating | null;
  previous: Rag | null;
  change: RagChange;
  newRed: boolean;
}

export interface ChangeCounts {
  better: number;
  worse: number;
  newRed: number;
}

/**
 * A cell of the grid. `comparable`: the plan has a period before this one; without one nothing has "changed"
 * (a red in a plan's first period is not a new red, it is where the plan started).
 */
export function gridCell(
  commitment: { id: number; number: number; title: string },
  rating: SeenRating | null,
  previous: SeenRating | null,
  comparable = true,
): GridCell {
  const now = rating?.rag ?? null;
  const before = previous?.rag ?? null;
  return {
    commitmentId: commitment.id,
    number: commitment.number,
    title: commitment.title,
    rating,
    previous: before,
    change: comparable ? ragChange(before, now) : now === null ? 'none' : 'new',
    newRed: comparable && isNewRed(before, now),
  };
}

export function changeCounts(cells: readonly GridCell[]): ChangeCounts {
  return {
    better: cells.filter((c) => c.change === 'better').length,
    worse: cells.filter((c) => c.change === 'worse').length,
    newRed: cells.filter((c) => c.newRed).length,
  };
}

/** A plan's row of the grid (an organisation with no plan has a row with no plan and no cells). */
export interface GridRow {
  organisationId: number;
  organisationName: string;
  plan: { id: number; title: string } | null;
  /** The period chosen, as this plan has it (null: the plan has no period with that label). */
  periodId: number | null;
  cells: GridCell[];
  reds: number;
  changes: ChangeCounts;
  overdue: number;
  /** Commitments without a submitted or signed-off update for the period (null: the plan has no such period). */
  outstanding: number | null;
}

export type GridSort = 'name' | 'reds' | 'overdue';
export const GRID_SORTS: readonly GridSort[] = ['name', 'reds', 'overdue'];

export interface GridFilters {
  /** Organisation name contains (case-insensitive). */
  name: string;
  onlyReds: boolean;
  onlyWorsened: boolean;
  sort: GridSort;
}

export const NO_FILTERS: GridFilters = { name: '', onlyReds: false, onlyWorsened: false, sort: 'name' };

const byName = (a: GridRow, b: GridRow): number =>
  a.organisationName.localeCompare(b.organisationName, 'en-GB') || (a.plan?.title ?? '').localeCompare(b.plan?.title ?? '', 'en-GB');

/** The rows the filters keep, in the order asked for (ties by organisation name). */
export function filterAndSort(rows: readonly GridRow[], filters: GridFilters): GridRow[] {
  const needle = filters.name.trim().toLocaleLowerCase('en-GB');
  const kept = rows.filter(
    (r) =>
      (needle === '' || r.organisationName.toLocaleLowerCase('en-GB').includes(needle)) &&
      (!filters.onlyReds || r.reds > 0) &&
      (!filters.onlyWorsened || r.changes.worse > 0),
  );
  const order =
    filters.sort === 'reds'
      ? (a: GridRow, b: GridRow) => b.reds - a.reds || byName(a, b)
      : filters.sort === 'overdue'
        ? (a: GridRow, b: GridRow) => b.overdue - a.overdue || byName(a, b)
        : byName;
  return [...kept].sort(order);
}

/** "Red", "Red (not yet signed off)" or "No rating": the words for a cell, wherever colour is not enough. */
export function cellText(rating: SeenRating | null): string {
  if (!rating) return 'No rating';
  const word = rating.rag.charAt(0).toUpperCase() + rating.rag.slice(1);
  return rating.signedOff ? word : `${word} (not yet signed off)`;
}

/** "Better", "Worse", "New red" …: the change in words ('' when there is nothing to say). */
export function changeText(cell: Pick<GridCell, 'change' | 'newRed'>): string {
  const parts = [cell.change === 'better' ? 'Better' : cell.change === 'worse' ? 'Worse' : '', cell.newRed ? 'New red' : ''];
  return parts.filter((p) => p !== '').join(', ');
}

/** Rows on one page of the grid: enough to scan, few enough that the page stays quick at national size. */
export const GRID_PAGE_SIZE = 50;

export interface GridPage {
  /** 1-based, within 1..pages. */
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
}

/** The page of `total` rows asked for (a page past the end shows the last one). */
export function gridPage(total: number, asked: number, size = GRID_PAGE_SIZE): GridPage {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Number.isInteger(asked) ? asked : 1), pages);
  return { page, pages, first: total === 0 ? 0 : (page - 1) * size + 1, last: Math.min(total, page * size), total };
}
