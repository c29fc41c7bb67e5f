// The JSON API's shapes as TypeBox schemas: Fastify checks what is sent against them and serialises what is
// answered through them, and @fastify/swagger turns them into the OpenAPI document. Text limits come from
// domain/field-limits.ts, the same as the pages'.
import Type, { type TSchema } from 'typebox';
import { FIELD_LIMITS } from '../../domain/field-limits.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IsoDate = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD' });
export const Timestamp = Type.String({ description: 'An ISO 8601 timestamp (UTC)' });
const Rag = Type.Enum(['red', 'amber', 'green', 'blue']);
const Window = Type.Object({ from: IsoDate, to: IsoDate });

export const IdParams = Type.Object({ id: Id });
export const UpdateParams = Type.Object({ id: Id, commitmentId: Id });

export const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'How many items a page holds (1 to 200)' })),
  cursor: Type.Optional(Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9_-]+$', description: 'Where the page starts: the `next` link of the page before carries it' })),
  changedSince: Type.Optional(Type.String({ format: 'date-time', description: 'Only items changed at or after this ISO 8601 timestamp' })),
});

/** The query of the organisations list: it is short and has no changes to ask about. */
export const PageQuery = Type.Object({ limit: ListQuery.properties.limit, cursor: ListQuery.properties.cursor });

/** The conditional-request headers (optional in the schema: a missing If-Match is answered 428, not 400). */
export const ReadHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({ maxLength: 1000, description: 'The ETag of your copy: 304 when it is still current' })),
});
export const WriteHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ maxLength: 1000, description: 'Required: the ETag of your latest read of the thing changed' })),
});

const ETAG_HEADER = { etag: { type: 'string', description: 'A digest of the body: send it back in If-None-Match, or in If-Match to change the thing' } };

/** An RFC 9457 problem: every refusal and error the API answers. */
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), { description: 'What was wrong with what was sent, field by field' })),
});

export const Organisation = Type.Object({ id: Id, name: Type.String(), role: Type.Enum(['admin', 'plan-owner', 'commitment-lead', 'reviewer', 'viewer'], { description: 'Your role there (the token\'s role)' }) });

export const Plan = Type.Object({
  id: Id,
  organisationId: Id,
  title: Type.String(),
  period: nullable(Window),
  status: Type.String(),
  reviewCadence: Type.String(),
  published: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Commitment = Type.Object({
  id: Id,
  planId: Id,
  number: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  leadUserId: nullable(Id),
  currentRag: nullable(Type.Object({ rag: Rag, label: Type.String(), periodLabel: nullable(Type.String()), signedOff: Type.Boolean() })),
});

const MilestoneStatus = Type.Enum(['not-started', 'in-progress', 'done', 'dropped']);

export const Milestone = Type.Object({
  id: Id,
  commitmentId: Id,
  position: Type.Integer(),
  text: Type.String(),
  due: nullable(Window),
  baseline: nullable(Window),
  recurrence: nullable(Type.String()),
  status: MilestoneStatus,
  doneOn: nullable(IsoDate),
});

export const Evidence = Type.Object({
  id: Id,
  date: IsoDate,
  note: nullable(Type.String()),
  link: nullable(Type.String()),
  hasFile: Type.Boolean({ description: 'A file was uploaded on the milestone\'s page (files are not served by the API)' }),
  createdAt: Timestamp,
});

export const MilestoneDetail = Type.Object({
  ...Milestone.properties,
  evidence: Type.Array(Evidence),
  redates: Type.Array(Type.Object({ oldDue: nullable(Window), newDue: nullable(Window), reason: Type.String(), changedAt: Timestamp })),
});

export const Kpi = Type.Object({
  id: Id,
  commitmentId: Id,
  position: Type.Integer(),
  text: Type.String(),
  unit: nullable(Type.String()),
  baseline: nullable(Type.Number()),
  target: nullable(Type.Number()),
  targetDate: nullable(IsoDate),
  direction: Type.Enum(['higher', 'lower']),
});

export const Reading = Type.Object({
  id: Id,
  kpiId: Id,
  date: IsoDate,
  value: Type.Number(),
  note: nullable(Type.String()),
  source: nullable(Type.String()),
});

export const KpiDetail = Type.Object({ ...Kpi.properties, readingCount: Type.Integer(), latestReading: nullable(Reading) });

export const ReviewPeriod = Type.Object({
  id: Id,
  planId: Id,
  label: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  dueOn: IsoDate,
  status: Type.Enum(['open', 'signed-off']),
  signedOffAt: nullable(Timestamp),
  signedOffBy: nullable(Id),
});

export const Update = Type.Object({
  id: Id,
  commitmentId: Id,
  reviewPeriodId: nullable(Id),
  version: Type.Integer(),
  state: Type.Enum(['draft', 'submitted', 'signed-off']),
  rag: nullable(Rag),
  narrative: Type.String(),
  kpiRefs: Type.Array(Id),
  response: nullable(Type.String()),
  correctionReason: nullable(Type.String()),
  ragOverrideReason: nullable(Type.String()),
  suggestedRag: nullable(Rag),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: nullable(Timestamp),
  signedOffAt: nullable(Timestamp),
});

export const UpdateForm = Type.Object({
  reviewPeriodId: Id,
  commitmentId: Id,
  stage: Type.Enum(['not-started', 'draft', 'submitted', 'signed-off']),
  locked: Type.Boolean({ description: 'The period is signed off: the update can no longer change' }),
  update: nullable(Update),
  suggestion: Type.Object({ rag: Rag, reasons: Type.Array(Type.String()) }, { description: 'The RAG the evidence suggests now, and why' }),
});

/** A page of a list, with the address of the next page (null on the last). */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), next: nullable(Type.String({ description: 'The next page\'s address' })) });
}

// ---- what writes send ----------------------------------------------------------------------------------------

export const MilestoneChange = Type.Object({
  status: Type.Optional(MilestoneStatus),
  doneOn: Type.Optional(IsoDate),
  due: Type.Optional(Type.Object({ from: IsoDate, to: IsoDate }, { description: 'A new due window: re-dates the milestone (needs a reason)' })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: FIELD_LIMITS.paragraph, description: 'Why the milestone is re-dated' })),
}, { additionalProperties: false });

export const NewReading = Type.Object({
  date: IsoDate,
  value: Type.Number(),
  note: Type.Optional(nullable(Type.String({ maxLength: FIELD_LIMITS.paragraph }))),
  source: Type.Optional(nullable(Type.String({ maxLength: FIELD_LIMITS.name }))),
}, { additionalProperties: false });

export const NewEvidence = Type.Object({
  date: IsoDate,
  note: Type.String({ minLength: 1, maxLength: FIELD_LIMITS.paragraph }),
  link: Type.Optional(nullable(Type.String({ maxLength: FIELD_LIMITS.url }))),
}, { additionalProperties: false });

export const UpdateDraft = Type.Object({
  rag: Rag,
  narrative: Type.String({ maxLength: FIELD_LIMITS.paragraph }),
  kpiRefs: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  ragOverrideReason: Type.Optional(nullable(Type.String({ maxLength: FIELD_LIMITS.paragraph }))),
}, { additionalProperties: false });

// ---- responses -----------------------------------------------------------------------------------------------

const problemContent = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

const REFUSALS = {
  401: problemContent('No API token, or an unknown or revoked one'),
  403: problemContent('The token\'s role does not allow this'),
  404: problemContent('Nothing exists at this address that the token may see'),
};

/** Responses of a read: the body, 304 when If-None-Match names the current ETag, and the refusals. */
export function readResponses<T extends TSchema>(body: T, description: string) {
  return {
    200: { ...body, description, headers: ETAG_HEADER },
    304: { type: 'null', description: 'Not modified: If-None-Match named the current ETag', headers: ETAG_HEADER },
    400: problemContent('The query was not valid'),
    ...REFUSALS,
  };
}

const WRITE_REFUSALS = {
  400: problemContent('What was sent was not valid; `errors` names each field'),
  ...REFUSALS,
  409: problemContent('The thing\'s state no longer allows this (e.g. the update is already submitted)'),
  412: problemContent('If-Match does not name the current ETag: read it again'),
  415: problemContent('The body was not JSON'),
  428: problemContent('If-Match is required: send the ETag of the thing\'s current read'),
};

/** Responses of a change: the thing as it is now, and the refusals and conflicts. */
export function changeResponses<T extends TSchema>(body: T, description: string) {
  return { 200: { ...body, description, headers: ETAG_HEADER }, ...WRITE_REFUSALS };
}

/** Responses of an addition: what was made (201), and the refusals and conflicts. */
export function creationResponses<T extends TSchema>(body: T, description: string) {
  return { 201: { ...body, description }, ...WRITE_REFUSALS };
}
