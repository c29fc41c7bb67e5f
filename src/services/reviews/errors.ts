// How the review service refuses: a user who may not do something gets ReviewForbiddenError (show 403); a change
// the update's or the period's state no longer allows gets ReviewStateError (show its message, e.g. 409); an
// unknown plan, period or commitment, or a commitment outside the period's plan, gets NotFoundError (404).
import { NotFoundError } from '../plans.ts';

export { NotFoundError };

/** The user may not do this (not a reviewer of this organisation, a plan owner writing the reviewer's column…). */
export class ReviewForbiddenError extends Error {
  override name = 'ReviewForbiddenError';
}

/** The update or period is no longer in a state that allows this (signed off and locked, already submitted…). */
export class ReviewStateError extends Error {
  override name = 'ReviewStateError';
}
