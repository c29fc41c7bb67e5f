// Request schemas of the review pages: ids in the address, the fields of each form, with the limits every form
// that writes an update or a response shares (domain/field-limits.ts). The review service checks the values.
import Type from 'typebox';
import { choiceField, formSchema, idParam, textField } from '../../validation.ts';

export const periodParams = Type.Object({ periodId: idParam });

export const updateParams = Type.Object({ periodId: idParam, commitmentId: idParam });

export const updateBody = formSchema({
  rag: choiceField('RAG status', 20),
  narrative: textField('Progress update', 'paragraph'),
  // One ticked box arrives as a single value; Fastify's validator turns it into a list.
  kpiRefs: Type.Optional(Type.Array(idParam, { maxItems: 200, title: 'KPIs referred to' })),
  ragOverrideReason: textField('Reason', 'paragraph'),
  correctionReason: textField('Reason for the correction', 'paragraph'),
  next: choiceField('Next step', 20),
  version: choiceField('Version'),
});

export const responseBody = formSchema({ response: textField('Response', 'paragraph') });

export const noticeQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })), commitment: Type.Optional(idParam) });

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

/** How many plan owners an e-mail reached, carried to the confirmation page. */
export const mailQuery = Type.Object({
  emailed: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  failed: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});

export interface MailQuery {
  emailed?: number;
  failed?: number;
}

export const returnBody = formSchema({ reason: textField('Reason for returning the update to draft', 'paragraph') });

export const doneQuery = Type.Object({
  notice: Type.Union([Type.Literal('response-saved'), Type.Literal('returned')]),
  emailed: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  failed: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});

export interface DoneQuery extends MailQuery {
  notice: 'response-saved' | 'returned';
}
