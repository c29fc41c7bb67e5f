// Request schemas of the review pages: ids in the address, the fields of each form. Values are checked by the
// review service; these only keep out what no form of ours sends.
const id = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export const planParams = { type: 'object', properties: { id }, required: ['id'] } as const;

export const periodParams = { type: 'object', properties: { periodId: id }, required: ['periodId'] } as const;

export const updateParams = {
  type: 'object',
  properties: { periodId: id, commitmentId: id },
  required: ['periodId', 'commitmentId'],
} as const;

/** Generous limits: the service gives the friendly "must be 5,000 characters or fewer" message. */
const text = { type: 'string', maxLength: 50000 } as const;

export const updateBody = {
  type: 'object',
  properties: {
    _csrf: { type: 'string', maxLength: 200 },
    rag: { type: 'string', maxLength: 20 },
    narrative: text,
    // One ticked box arrives as a single value; Fastify's validator turns it into a list.
    kpiRefs: { type: 'array', items: id, maxItems: 200 },
    ragOverrideReason: text,
    correctionReason: text,
    next: { type: 'string', maxLength: 20 },
    version: { type: 'string', maxLength: 100 },
  },
} as const;

export const responseBody = {
  type: 'object',
  properties: { _csrf: { type: 'string', maxLength: 200 }, response: text },
} as const;

export const noticeQuery = {
  type: 'object',
  properties: { notice: { type: 'string', maxLength: 40 }, commitment: id },
} as const;

export interface UpdateParams {
  periodId: number;
  commitmentId: number;
}

export interface UpdateBody {
  rag?: string;
  narrative?: string;
  kpiRefs?: number[];
  ragOverrideReason?: string;
  correctionReason?: string;
  next?: string;
  /** The version of the update the form was read at (services/edit-conflicts.ts). */
  version?: string;
}

export interface NoticeQuery {
  notice?: string;
  commitment?: number;
}
