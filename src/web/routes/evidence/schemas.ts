// The evidence forms' fields. These forms are multipart (they may carry a file), where each text field arrives as
// a part whose `value` is the text: the schema checks that value with the same limits as every other form, and
// `schemaProblems` names the field, so the error summary reads the same as on a url-encoded form.
import Type, { type TProperties } from 'typebox';
import { FIELD_LIMITS, type FieldKind } from '../../../domain/field-limits.ts';

/** A text part with the limit of its kind ("Note must be 20,000 characters or fewer"). */
function textPart(label: string, kind: FieldKind) {
  return Type.Optional(Type.Object({ value: Type.String({ maxLength: FIELD_LIMITS[kind] }) }, { title: label, 'x-field-kind': kind }));
}

/** A small part: a date box or a token. */
function smallPart(label: string, maxLength = 100) {
  return Type.Optional(Type.Object({ value: Type.String({ maxLength }) }, { title: label }));
}

function dateParts(prefix: string) {
  return { [`${prefix}-day`]: smallPart('Day', 20), [`${prefix}-month`]: smallPart('Month', 20), [`${prefix}-year`]: smallPart('Year', 20) };
}

function multipartSchema<P extends TProperties>(fields: P) {
  return Type.Object({ ...fields, _csrf: smallPart('Form token', 200) });
}

const evidenceParts = {
  evidenceNote: textPart('Note', 'paragraph'),
  evidenceLink: textPart('Link', 'url'),
};

export const evidenceForm = multipartSchema({ ...dateParts('date'), ...evidenceParts });

export const doneForm = multipartSchema({ ...dateParts('doneOn'), ...evidenceParts });
