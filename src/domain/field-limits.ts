// How long each kind of text may be, wherever it is typed: the same limit when a thing is created and when it is
// edited, on a page, through the JSON API or from an imported plan. Counted in characters.
export const FIELD_LIMITS = {
  /** Names and titles: an organisation, a plan, a KPI's name, a monitoring item's heading. */
  name: 300,
  /** A commitment's or milestone's wording, which plans write as a sentence or two. */
  statement: 2_000,
  /** Paragraphs: a summary, an update, a response, an evidence note, a re-dating reason. */
  paragraph: 20_000,
  /** A link to evidence. */
  url: 2_000,
  /** A short code or label: a KPI unit, a review period label. */
  label: 100,
  email: 320,
  password: 1_000,
} as const;

export type FieldKind = keyof typeof FIELD_LIMITS;

/** The GOV.UK message for text that is too long: "Milestone must be 2,000 characters or fewer". */
export function tooLongMessage(label: string, kind: FieldKind): string {
  return `${label} must be ${FIELD_LIMITS[kind].toLocaleString('en-GB')} characters or fewer`;
}
