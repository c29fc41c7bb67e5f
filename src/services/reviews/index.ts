// The periodic review: review periods of a plan, the reviewer's progress update per commitment and period
// (draft → submitted → organisation's response → signed off with the period → locked; corrections are new
// versions), the RAG suggested from the evidence, the task list of a period, a commitment's update history and
// what changed since the previous period. Commands (commands.ts) write; read models (read-models.ts) never do.
export type { Checked, FieldError, UpdateStage } from '../../domain/update-flow.ts';
export type { RagSuggestion } from '../../domain/suggest-rag.ts';
export type { ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
export type { ReviewUpdateRecord } from '../../store/progress-updates-repository.ts';
export { UPDATE_DUE_AFTER_DAYS } from '../review-period-generation.ts';
export { NotFoundError, ReviewForbiddenError, ReviewStateError } from './errors.ts';
export type { ReviewOptions } from './scope.ts';
export * from './commands.ts';
export * from './read-models.ts';
