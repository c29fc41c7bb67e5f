// The documented shape of the JSON export (JSON Schema, draft-07). Its commitments keep the fields of the
// `tracker import --json` contract (number, title, summary, kpis[].text, milestones[].text/due/recurrence,
// monitoring[].text, updates[].text) and add what the tracker knows besides: ids, statuses, baselines,
// re-dates, readings, evidence and review periods. Dates are ISO "YYYY-MM-DD"; timestamps ISO-8601 UTC.
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableIsoDate = { anyOf: [isoDate, { type: 'null' }] } as const;
const timestamp = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' } as const;
const window = {
  anyOf: [
    { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: isoDate, to: isoDate } },
    { type: 'null' },
  ],
} as const;
const id = { type: 'integer', minimum: 1 } as const;
const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const rag = { enum: ['red', 'amber', 'green', 'blue', null] } as const;

function object(properties: Record<string, unknown>, description?: string) {
  return { type: 'object', ...(description && { description }), required: Object.keys(properties), additionalProperties: false, properties };
}

function list(items: unknown) {
  return { type: 'array', items };
}

export const PLAN_JSON_FORMAT = 'improvement-tracker/plan';
export const PLAN_JSON_VERSION = 1;

export const PLAN_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://improvement-tracker.example/schemas/plan-v1.json',
  title: 'Improvement plan export',
  ...object({
    format: { const: PLAN_JSON_FORMAT },
    version: { const: PLAN_JSON_VERSION },
    asAt: { ...nullableIsoDate, description: 'The date the export is as at: updates and KPI readings up to it; null when not stated' },
    plan: object(
      {
        id,
        title: { type: 'string' },
        period: window,
        status: { enum: ['draft', 'active', 'closed'] },
        reviewCadence: { enum: ['monthly', 'quarterly', 'six-monthly'] },
        fyStartMonth: { type: 'integer', minimum: 1, maximum: 12 },
        ragScheme: list(object({ rag: { enum: ['red', 'amber', 'green', 'blue'] }, label: { type: 'string' }, meaning: { type: 'string' } })),
      },
      'The plan settings.',
    ),
    reviewPeriods: list(object({ id, label: { type: 'string' }, from: isoDate, to: isoDate }, 'A review period, e.g. "2019/20 Q1".')),
    commitments: list(
      object({
        id,
        number: { type: 'integer' },
        title: { type: 'string' },
        summary: { type: 'string' },
        kpis: list(
          object({
            id,
            text: { type: 'string' },
            unit: nullableString,
            baseline: nullableNumber,
            target: nullableNumber,
            targetDate: nullableIsoDate,
            direction: { enum: ['higher', 'lower'] },
            readings: list(object({ date: isoDate, value: { type: 'number' }, note: nullableString, source: nullableString })),
          }),
        ),
        milestones: list(
          object(
            {
              id,
              text: { type: 'string', description: 'As written in the plan.' },
              due: { ...window, description: 'The current due window; `to` is the deadline.' },
              recurrence: { enum: ['monthly', 'quarterly', 'six-monthly', 'annually', null] },
              baseline: { ...window, description: 'The due window as first agreed.' },
              status: { enum: ['not-started', 'in-progress', 'done', 'dropped'] },
              doneOn: nullableIsoDate,
              redates: list(object({ from: window, to: window, reason: { type: 'string' }, at: timestamp })),
            },
            'A milestone.',
          ),
        ),
        monitoring: list(
          object({
            id,
            text: { type: 'string' },
            evidence: list(object({ date: isoDate, note: nullableString, link: nullableString, hasFile: { type: 'boolean' } })),
          }),
        ),
        updates: list(
          object(
            {
              id,
              reviewPeriod: { ...nullableString, description: 'The review period label; null for an update imported with the plan.' },
              version: { type: 'integer', minimum: 1 },
              state: { enum: ['draft', 'submitted', 'signed-off'] },
              rag,
              text: { type: 'string', description: 'The narrative.' },
              response: nullableString,
              updatedAt: timestamp,
            },
            'A progress update (every version).',
          ),
        ),
      }),
    ),
  }),
} as const;
