// The service for the quarterly review: commands and read models, made with the shared context (database, clock,
// settings). The evidence is judged as at the one clock's today; the pages' access rules have checked the period
// or commitment the address names, and these check the rest (a commitment outside the period's plan is
// NotFoundError, a state that no longer allows a change is ReviewStateError).
import type { CurrentUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import type { PlanRecord } from '../domain/records.ts';
import { createSmtpMailer, type Mailer } from './mailer.ts';
import { periodChangeFor } from './review-period-generation.ts';
import { NotFoundError } from './reviews/errors.ts';
import { planOwnersOf, returnedMail, sendEach, signedOffMail, type MailOutcome } from './reviews/notices.ts';
import { getCommitment } from '../store/commitments-repository.ts';
import { getPlanRecord, type PlanChanges } from '../store/plans-repository.ts';
import { getReviewPeriod } from '../store/review-periods-repository.ts';
import {
  returnToDraft,
  commitmentHistory,
  comparePeriod,
  correctUpdate,
  ensureReviewPeriods,
  listPlanReviewPeriods,
  periodTaskList,
  plannedReviewPeriods,
  respondToUpdate,
  saveUpdate,
  setUpReviewPeriods,
  signOffPeriod,
  submitUpdate,
  suggestionFor,
  updateFormData,
  type CorrectionForm,
  type UpdateForm,
} from './reviews/index.ts';

export type { PeriodChangePlan } from './review-period-generation.ts';
export type { MailOutcome } from './reviews/notices.ts';
export type { Judging, JudgedKpi, JudgedMilestone, JudgedMonitoring, SuggestionReason } from './reviews/judging.ts';
export { withdrawalsIn, type Withdrawal } from './reviews/withdrawals.ts';
export type {
  CorrectionForm,
  HistoryEntry,
  KpiForUpdate,
  PeriodComparison,
  PeriodTaskList,
  PlannedReviewPeriods,
  ReviewPeriodRecord,
  ReviewTask,
  ReviewUpdateRecord,
  UpdateForm,
  UpdateFormData,
  UpdateStage,
} from './reviews/index.ts';
export { NotFoundError, ReviewForbiddenError, ReviewStateError } from './reviews/index.ts';

export interface ReviewServiceDeps {
  /** Default: one SMTP connection per message, from the settings (SMTP_HOST…); tests give their own. */
  mailer?: Mailer;
}

export function reviewService({ db, clock, config }: ServiceContext, deps: ReviewServiceDeps = {}) {
  const asAtToday = () => ({ today: clock.today() });
  const mailer: Mailer = deps.mailer ?? {
    send: async (message) => {
      const smtp = createSmtpMailer(config.smtp);
      try {
        return await smtp.send(message);
      } finally {
        smtp.close();
      }
    },
    close: () => undefined,
  };

  /** E-mails the organisation's plan owners (after the change is stored: a failure never undoes it). */
  async function tellOwners(organisationId: number, message: Parameters<typeof sendEach>[2]): Promise<MailOutcome> {
    return sendEach(mailer, await planOwnersOf(db, organisationId), message);
  }

  return {
    // ---- read models
    plannedPeriods: (user: CurrentUser, planId: number) => plannedReviewPeriods(db, user, planId),
    listPeriods: (user: CurrentUser, planId: number) => listPlanReviewPeriods(db, user, planId),
    periodTaskList: (user: CurrentUser, periodId: number) => periodTaskList(db, user, periodId),
    updateForm: (user: CurrentUser, periodId: number, commitmentId: number) => updateFormData(db, user, commitmentId, periodId, asAtToday()),
    suggestion: (user: CurrentUser, periodId: number, commitmentId: number) => suggestionFor(db, user, commitmentId, periodId, asAtToday()),
    history: (user: CurrentUser, commitmentId: number) => commitmentHistory(db, user, commitmentId),
    comparison: (user: CurrentUser, periodId: number) => comparePeriod(db, user, periodId, asAtToday()),
    /** What saving `changes` to the plan's settings would do to its review periods (the plan rule was checked). */
    periodChange: async (plan: PlanRecord, changes: PlanChanges) => periodChangeFor(db, { ...plan, ...changes }),

    // ---- commands
    ensurePeriods: (planId: number, userId: number | null = null) => ensureReviewPeriods(db, planId, userId),
    setUpPeriods: (user: CurrentUser, planId: number) => setUpReviewPeriods(db, user, planId),
    saveUpdate: (user: CurrentUser, form: UpdateForm) => saveUpdate(db, user, form, asAtToday()),
    submitUpdate: (user: CurrentUser, periodId: number, commitmentId: number) => submitUpdate(db, user, commitmentId, periodId),
    respond: (user: CurrentUser, periodId: number, commitmentId: number, response: string | null | undefined) =>
      respondToUpdate(db, user, commitmentId, periodId, response),
    correctUpdate: (user: CurrentUser, form: CorrectionForm) => correctUpdate(db, user, form, asAtToday()),

    /** Signs the period off, then e-mails the organisation's plan owners. */
    async signOff(user: CurrentUser, periodId: number) {
      const signed = await signOffPeriod(db, user, periodId);
      if (!signed.ok) return signed;
      const plan = await getPlanRecord(db, signed.value.planId);
      if (!plan) throw new NotFoundError(`There is no plan ${signed.value.planId}`);
      const list = await periodTaskList(db, user, periodId);
      const notice = {
        planTitle: plan.title,
        periodLabel: signed.value.label,
        periodUrl: `${config.serviceUrl}/reviews/${periodId}`,
        signedOffAt: signed.value.signedOffAt ?? clock.now().toISOString(),
        reviewerName: user.name,
        commitments: list.tasks.length,
      };
      const mail = await tellOwners(plan.organisationId, (to) => signedOffMail(notice, to, config.mailFrom));
      return { ...signed, mail };
    },

    /** Returns a submitted update to draft with a reason, then tells the organisation's plan owners. */
    async returnToDraft(user: CurrentUser, periodId: number, commitmentId: number, reason: string | null | undefined) {
      const returned = await returnToDraft(db, user, commitmentId, periodId, reason);
      if (!returned.ok) return returned;
      const [period, commitment] = await Promise.all([getReviewPeriod(db, periodId), getCommitment(db, commitmentId)]);
      const plan = period && (await getPlanRecord(db, period.planId));
      if (!period || !commitment || !plan) throw new NotFoundError(`There is no review period ${periodId}`);
      const notice = {
        planTitle: plan.title,
        periodLabel: period.label,
        commitmentNumber: commitment.number,
        commitmentTitle: commitment.title,
        reason: returned.value.draft.correctionReason ?? '',
        reviewerName: user.name,
        updateUrl: `${config.serviceUrl}/reviews/${periodId}/commitments/${commitmentId}`,
      };
      const mail = await tellOwners(plan.organisationId, (to) => returnedMail(notice, to, config.mailFrom));
      return { ...returned, mail };
    },
  };
}
