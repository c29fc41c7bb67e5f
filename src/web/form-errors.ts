// Turns validation problems into what the GOV.UK error summary and inline error messages need.
// Pages pass `errors` (the layout shows them in govukErrorSummary) and `fieldErrors.<name>` to each field's errorMessage.

export interface FieldError {
  /** The form field's id (and name): the summary links to `#field`. */
  field: string;
  message: string;
}

export interface ErrorView {
  errors: { href: string; text: string }[];
  fieldErrors: Record<string, { text: string }>;
}

export function errorView(errors: readonly FieldError[]): ErrorView {
  const fieldErrors: Record<string, { text: string }> = {};
  for (const e of errors) fieldErrors[e.field] ??= { text: e.message };
  return { errors: errors.map((e) => ({ href: `#${e.field}`, text: e.message })), fieldErrors };
}
