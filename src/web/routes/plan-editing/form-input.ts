// Reading the url-encoded forms of the plan-editing pages, and turning problems into the GOV.UK error summary.
// Each form's schema (validation.ts) bounds its fields; its complaints join the form's own problems here.
import type { FastifyRequest } from 'fastify';
import type { TObject } from 'typebox';
import { errorView, type ErrorView, type FieldError } from '../../form-errors.ts';
import type { Fields } from '../../date-input.ts';
import { schemaProblems } from '../../validation.ts';

/** A posted form: every field a string when the schema was met (anything else is read as empty). */
export type Form = Fields;

/** A problem with one field; `anchor` is the element the error summary links to when it is not the field itself. */
export interface Problem extends FieldError {
  anchor?: string;
}

/** The field's value with surrounding spaces removed; '' when absent. */
export function text(form: Form | undefined, field: string): string {
  const value = form?.[field];
  return typeof value === 'string' ? value.trim() : '';
}

/** Multi-line text: line endings made "\n", trailing spaces of the whole removed. */
export function longText(form: Form | undefined, field: string): string {
  const value = form?.[field];
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/**
 * The schema's complaints (a field too long) with the form's own problems, each field once (the schema's first), in the order the
 * form asks for them (a date's boxes count as the date).
 */
export function formProblems(request: FastifyRequest, schema: TObject, own: readonly Problem[]): Problem[] {
  const order = Object.keys(schema.properties);
  const place = (field: string) => {
    const i = order.findIndex((name) => name === field || name.startsWith(`${field}-`));
    return i < 0 ? order.length : i;
  };
  const fromSchema = schemaProblems(request, schema);
  const rest = own.filter((o) => !fromSchema.some((p) => p.field === o.field));
  return [...fromSchema, ...rest].sort((a, b) => place(a.field) - place(b.field));
}

export function pageErrors(problems: readonly Problem[]): ErrorView {
  const view = errorView(problems);
  return { ...view, errors: problems.map((p) => ({ href: `#${p.anchor ?? p.field}`, text: p.message })) };
}
