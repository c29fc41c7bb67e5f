// The grid as the page draws it: each row's cells lined up under the commitment numbers (a plan without that
// commitment has an empty cell), with the words and GOV.UK tag colour of each rating and its change.
import { changeText, gridPage, GRID_PAGE_SIZE, type GridCell, type RollUp } from '../../../services/portfolio-service.ts';

const TAG_CLASS = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green', blue: 'govuk-tag--blue' } as const;

export interface CellView {
  /** Absent: the plan has no commitment with this number. */
  present: boolean;
  word: string;
  tagClass: string;
  signedOff: boolean;
  rated: boolean;
  change: string;
}

function cellView(cell: GridCell | undefined): CellView {
  if (!cell) return { present: false, word: '', tagClass: '', signedOff: false, rated: false, change: '' };
  const rating = cell.rating;
  return {
    present: true,
    word: rating ? rating.rag.charAt(0).toUpperCase() + rating.rag.slice(1) : 'No rating',
    tagClass: rating ? TAG_CLASS[rating.rag] : 'govuk-tag--grey',
    signedOff: rating?.signedOff ?? false,
    rated: rating !== null,
    change: changeText(cell),
  };
}

/** One page of the grid's rows, and where it is among the pages. */
export function gridView(rollUp: RollUp, asked: number) {
  const page = gridPage(rollUp.rows.length, asked);
  const rows = rollUp.rows.slice((page.page - 1) * GRID_PAGE_SIZE, page.page * GRID_PAGE_SIZE).map((r) => {
    const byNumber = new Map(r.cells.map((c) => [c.number, c]));
    return { ...r, cellViews: rollUp.numbers.map((n) => cellView(byNumber.get(n))) };
  });
  return { rows, page };
}

/** GOV.UK pagination: previous, next and a link to each page, keeping the rest of the query. */
export function paginationView(page: { page: number; pages: number }, href: (page: number) => string) {
  if (page.pages <= 1) return null;
  return {
    previous: page.page > 1 ? { href: href(page.page - 1) } : undefined,
    next: page.page < page.pages ? { href: href(page.page + 1) } : undefined,
    items: Array.from({ length: page.pages }, (_, i) => ({ number: i + 1, href: href(i + 1), current: i + 1 === page.page })),
  };
}
