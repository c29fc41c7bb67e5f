// The problems a tracking form shows in its GOV.UK error summary: the schema's (too long, not text) and the
// form's own checks (a required field, a date), one message per field, in the form's order.
import type { FastifyRequest } from 'fastify';
import type { TObject } from 'typebox';
import type { FieldError } from '../../form-errors.ts';
import { schemaProblems } from '../../validation.ts';

/**
 * The schema's problems (too long, not text) with the form's own checks (a required field, a date) for fields the
 * schema had nothing to say about: one message per field, in the order of the schema's fields (the form's order),
 * fields the schema does not name (a file) last.
 */
export function allProblems(request: FastifyRequest, schema: TObject, own: readonly FieldError[]): FieldError[] {
  const fromSchema = schemaProblems(request, schema);
  const all = [...fromSchema, ...own.filter((p) => !fromSchema.some((s) => s.field === p.field))];
  const order = Object.keys(schema.properties);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return all.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.field) - rank(b.p.field) || a.i - b.i).map(({ p }) => p);
}

/** A date problem as the error summary links to it: the box to fix (`doneOn-month`), not the whole date. */
export function dateError(problem: { anchor: string; message: string }): FieldError {
  return { field: problem.anchor, message: problem.message };
}
