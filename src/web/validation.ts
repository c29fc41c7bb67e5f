// One way to validate what a form or an API call sends: a TypeBox schema at the edge (Fastify checks it, and the
// type provider gives the handler typed values), with every text field's limit taken from domain/field-limits.ts.
// A form route sets `attachValidation: true` and turns the schema's complaints into the GOV.UK error summary with
// `schemaProblems`, beside its own checks (a required field, a date), so nothing typed is lost on a bad submit.
import Type, { type TObject, type TProperties, type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { FIELD_LIMITS, tooLongMessage, type FieldKind } from '../domain/field-limits.ts';
import type { FieldError } from './form-errors.ts';

/** A text field: `label` names it in messages ("Milestone must be 2,000 characters or fewer"). */
export function textField(label: string, kind: FieldKind) {
  return Type.Optional(Type.String({ title: label, maxLength: FIELD_LIMITS[kind], 'x-field-kind': kind }));
}

/** A field the form sends as a fixed choice or a small token (radios, checkboxes, versions). */
export function choiceField(label: string, maxLength = 100) {
  return Type.Optional(Type.String({ title: label, maxLength }));
}

/** A posted form: its fields plus the CSRF token; every field optional, as browsers leave some out. */
export function formSchema<P extends TProperties>(fields: P) {
  return Type.Object({ ...fields, _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
}

/** An address parameter that is an id. */
export const idParam = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const idParams = Type.Object({ id: idParam });

interface SchemaError {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldOf(error: SchemaError): string {
  const fromPath = (error.instancePath ?? '').split('/').filter(Boolean)[0];
  if (fromPath) return fromPath;
  const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
  return typeof missing === 'string' ? missing : '';
}

/** The schema's complaints about the body as GOV.UK field errors, in the form's order. */
export function schemaProblems(request: FastifyRequest, schema: TObject): FieldError[] {
  const validation = (request.validationError as { validation?: SchemaError[] } | undefined)?.validation ?? [];
  const properties = schema.properties as Record<string, TSchema & { title?: string; 'x-field-kind'?: FieldKind }>;
  const problems: FieldError[] = [];
  for (const error of validation) {
    const field = fieldOf(error);
    const property = properties[field];
    const label = property?.title ?? 'This field';
    const kind = property?.['x-field-kind'];
    const message =
      error.keyword === 'maxLength' && kind ? tooLongMessage(label, kind)
      : error.keyword === 'maxLength' ? `${label} must be ${String(error.params?.limit)} characters or fewer`
      : `${label} is not valid`;
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  }
  const order = Object.keys(properties);
  return problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}
