// GOV.UK tags for RAG ratings and update stages, named as the plan's RAG scheme names them.
import { ragLabel } from '../../../domain/rag.ts';
import type { Rag, RagDefinition } from '../../../domain/types.ts';
import type { UpdateStage } from '../../../services/review-service.ts';

export interface Tag {
  text: string;
  classes: string;
}

export const RAG_CLASSES: Record<Rag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  blue: 'govuk-tag--blue',
};

/** "Amber" (or the plan's own label for it). */
export function ragName(scheme: readonly RagDefinition[], rag: Rag): string {
  return scheme.find((d) => d.rag === rag)?.label ?? ragLabel(rag);
}

export function ragTag(scheme: readonly RagDefinition[], rag: Rag | null): Tag | null {
  return rag ? { text: ragName(scheme, rag), classes: RAG_CLASSES[rag] } : null;
}

/** Task-list statuses: work still to do is a tag, finished work plain text (GOV.UK task list pattern). */
export const STAGE_STATUS: Record<UpdateStage, { tag?: Tag; text?: string }> = {
  'not-started': { tag: { text: 'Not started', classes: 'govuk-tag--blue' } },
  draft: { tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } },
  submitted: { text: 'Submitted' },
  'signed-off': { text: 'Signed off' },
};
