// GOV.UK tags for milestone, KPI and RAG states: the text and colour class each page shows.
import type { MilestoneStatus, Rag } from '../../../domain/types.ts';
import type { KpiState } from '../../../domain/kpi.ts';

export interface Tag {
  text: string;
  classes: string;
}

export const MILESTONE_STATUS_TAGS: Record<MilestoneStatus, Tag> = {
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
  'in-progress': { text: 'In progress', classes: 'govuk-tag--blue' },
  done: { text: 'Done', classes: 'govuk-tag--green' },
  dropped: { text: 'Dropped', classes: 'govuk-tag--grey' },
};

export const OVERDUE_TAG: Tag = { text: 'Overdue', classes: 'govuk-tag--red' };

export const KPI_STATE_TAGS: Record<KpiState | 'not-set-up', Tag> = {
  'on-track': { text: 'On track', classes: 'govuk-tag--green' },
  'off-track': { text: 'Off track', classes: 'govuk-tag--red' },
  achieved: { text: 'Achieved', classes: 'govuk-tag--blue' },
  'no-data': { text: 'No data', classes: 'govuk-tag--grey' },
  'not-set-up': { text: 'Not measured', classes: 'govuk-tag--grey' },
};

export const RAG_TAGS: Record<Rag, Tag> = {
  red: { text: 'Red', classes: 'govuk-tag--red' },
  amber: { text: 'Amber', classes: 'govuk-tag--orange' },
  green: { text: 'Green', classes: 'govuk-tag--green' },
  blue: { text: 'Blue (complete)', classes: 'govuk-tag--blue' },
};
