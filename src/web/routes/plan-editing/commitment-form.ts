// The commitment form: number (when changing one; a new commitment takes the next number), title, summary and
// lead, chosen from the organisation's members who could edit the commitment if they led it.
import type { CommitmentRecord } from '../../../domain/records.ts';
import { FIELD_LIMITS } from '../../../domain/field-limits.ts';
import { can } from '../../../services/account-service.ts';
import type { Member } from '../../../services/plan-service.ts';
import { choiceField, formSchema, textField } from '../../validation.ts';
import { longText, text, type Form, type Problem } from './form-input.ts';

/** The commitment form, added or changed (the same limits either way). */
export const COMMITMENT_FORM = formSchema({
  number: choiceField('Commitment number', 20),
  title: textField('Commitment', 'statement'),
  summary: textField('Summary', 'paragraph'),
  leadUserId: choiceField('Lead', 20),
  version: choiceField('Version'),
});
export const MAX_SUMMARY = FIELD_LIMITS.paragraph;

export interface CommitmentFormValues {
  number: string;
  title: string;
  summary: string;
  leadUserId: string;
}

export interface CommitmentInput {
  number?: number;
  title: string;
  summary: string;
  leadUserId: number | null;
}

export function commitmentValues(c: CommitmentRecord | null): CommitmentFormValues {
  return {
    number: c ? String(c.number) : '',
    title: c?.title ?? '',
    summary: c?.summary ?? '',
    leadUserId: c?.leadUserId ? String(c.leadUserId) : '',
  };
}

export function postedCommitmentValues(form: Form | undefined): CommitmentFormValues {
  return { number: text(form, 'number'), title: text(form, 'title'), summary: longText(form, 'summary'), leadUserId: text(form, 'leadUserId') };
}

/** Members who may edit a commitment they lead, plus the current lead whatever their role now. */
export function leadCandidates(members: Member[], organisationId: number, currentLead: number | null): Member[] {
  return members.filter((m) => {
    if (m.userId === currentLead) return true;
    const asUser = {
      id: m.userId,
      email: m.email,
      name: m.name,
      memberships: m.roles.map((role) => ({ userId: m.userId, organisationId, organisationName: '', role })),
    };
    return can(asUser, 'commitment:edit', organisationId, { leadUserId: m.userId });
  });
}

export function leadOptions(candidates: Member[], selected: string) {
  return [
    { value: '', text: 'No lead', selected: selected === '' },
    ...candidates.map((m) => ({ value: String(m.userId), text: `${m.name} (${m.email})`, selected: String(m.userId) === selected })),
  ];
}

/**
 * The commitment the form gives, or its problems. `taken` holds the numbers of the plan's other commitments;
 * `withNumber` is false for a new commitment (it takes the next number).
 */
export function readCommitmentForm(
  values: CommitmentFormValues,
  candidates: Member[],
  taken: number[],
  withNumber: boolean,
): { input: CommitmentInput } | { problems: Problem[] } {
  const problems: Problem[] = [];
  let number: number | undefined;
  if (withNumber) {
    number = /^\d{1,4}$/.test(values.number) ? Number(values.number) : Number.NaN;
    if (!(number >= 1)) problems.push({ field: 'number', message: 'Enter the commitment number as a whole number, like 3' });
    else if (taken.includes(number)) problems.push({ field: 'number', message: `Commitment ${number} already exists in this plan: enter another number` });
  }
  // Too long a commitment or summary is the schema's complaint (COMMITMENT_FORM).
  if (values.title === '') problems.push({ field: 'title', message: 'Enter the commitment' });
  const lead = values.leadUserId === '' ? null : candidates.find((m) => String(m.userId) === values.leadUserId);
  if (lead === undefined) problems.push({ field: 'leadUserId', message: 'Select a lead from the list, or No lead' });
  if (problems.length > 0 || lead === undefined) return { problems };
  return { input: { ...(number !== undefined && { number }), title: values.title, summary: values.summary, leadUserId: lead?.userId ?? null } };
}
