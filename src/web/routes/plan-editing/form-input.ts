// Reading the url-encoded forms of the plan-editing pages, and turning problems into the GOV.UK error summary.
import { errorView, type ErrorView, type FieldError } from '../../form-errors.ts';

/** A posted form: every field a string (the body schema guarantees it). */
export type Form = Record<string, string | undefined>;

/** A problem with one field; `anchor` is the element the error summary links to when it is not the field itself. */
export interface Problem extends FieldError {
  anchor?: string;
}

/** The body schema of a form with these fields (plus the CSRF token); every value a string of bounded length. */
export function formBody(fields: readonly string[]) {
  const properties: Record<string, { type: 'string'; maxLength: number }> = { _csrf: { type: 'string', maxLength: 200 } };
  for (const f of fields) properties[f] = { type: 'string', maxLength: 20_000 };
  return { type: 'object', properties };
}

/** The field's value with surrounding spaces removed; '' when absent. */
export function text(form: Form | undefined, field: string): string {
  return (form?.[field] ?? '').trim();
}

/** Multi-line text: line endings made "\n", trailing spaces of the whole removed. */
export function longText(form: Form | undefined, field: string): string {
  return (form?.[field] ?? '').replace(/\r\n?/g, '\n').trim();
}

export function pageErrors(problems: readonly Problem[]): ErrorView {
  const view = errorView(problems);
  return { ...view, errors: problems.map((p) => ({ href: `#${p.anchor ?? p.field}`, text: p.message })) };
}

export const ID_PARAMS = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['id'],
} as const;
