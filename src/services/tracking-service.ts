// The service for milestones, KPIs, evidence and the commitment page, made with the shared context (database, clock,
// settings). Who may do what is the access rule's job (resource-access.ts); these record who did it. Today comes
// from the one clock.
import type { DueWindow, IsoDate } from '../domain/types.ts';
import type { EvidenceTarget } from '../store/monitoring-repository.ts';
import type { KpiChanges, NewKpi, NewKpiReading } from '../store/kpis-repository.ts';
import type { CurrentUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { commitmentPage } from './commitment-view.ts';
import { addEvidenceWithFile, findEvidenceFile, type EvidenceInput } from './evidence-files.ts';
import { markMilestoneDone, redateHistory, saveMilestoneEdit, type DoneEvidence, type MilestoneEdit } from './milestone-changes.ts';
import { addKpi, editKpi, recordKpiReading, redateMilestone } from './plans.ts';

export type { CommitmentPage } from './commitment-view.ts';
export type { DoneEvidence, MilestoneEdit, RedateEntry } from './milestone-changes.ts';
export type { EvidenceDownload, EvidenceInput, UploadedFile } from './evidence-files.ts';
export { ALLOWED_EXTENSIONS_TEXT, MAX_EVIDENCE_BYTES, evidenceFileProblem } from './evidence-files.ts';
export type { EvidenceTarget, KpiChanges, NewKpi, NewKpiReading };

type User = CurrentUser | null | undefined;

const idOf = (user: User): number | null => user?.id ?? null;

export function trackingService({ db, clock, config }: ServiceContext) {
  return {
    /** The commitment page as at today (undefined when the user may not see it). */
    commitmentPage: (user: User, commitmentId: number) => commitmentPage(db, user, commitmentId, clock.today()),

    /** Text, status and (while it has none) the due date, in one transaction; a status change is dated today. */
    editMilestone: (user: User, milestoneId: number, edit: MilestoneEdit, readVersion?: string) =>
      saveMilestoneEdit(db, milestoneId, edit, idOf(user), clock.today(), readVersion),
    redateMilestone: (user: User, milestoneId: number, due: DueWindow, reason: string) => redateMilestone(db, milestoneId, due, reason, idOf(user)),
    redateHistory: (milestoneId: number) => redateHistory(db, milestoneId),
    markMilestoneDone: (user: User, milestoneId: number, doneOn: IsoDate, evidence: DoneEvidence | null) =>
      markMilestoneDone(db, config.dataDir, milestoneId, doneOn, evidence, idOf(user)),

    addKpi: (user: User, commitmentId: number, kpi: NewKpi) => addKpi(db, commitmentId, kpi, idOf(user)),
    editKpi: (user: User, kpiId: number, changes: KpiChanges, readVersion?: string) => editKpi(db, kpiId, changes, idOf(user), readVersion),
    recordKpiReading: (user: User, kpiId: number, reading: NewKpiReading) => recordKpiReading(db, kpiId, reading, idOf(user)),

    addEvidence: (user: User, target: EvidenceTarget, input: EvidenceInput) => addEvidenceWithFile(db, config.dataDir, target, input, idOf(user)),
    /** The evidence's stored file, or undefined when it has none (whether the user may have it is the rule's job). */
    evidenceFile: (evidenceId: number) => findEvidenceFile(db, config.dataDir, evidenceId),
  };
}
