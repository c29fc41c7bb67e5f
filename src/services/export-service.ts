// The service for every export of a plan, made with the shared context (database, clock, settings). The date an
// export is as at while the plan runs is today on the one clock.
import type { CurrentUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { exportChoices, exportPlanFile, type PlanExportRequest } from './export-data.ts';
import { userViewer } from './update-visibility.ts';
import type { IsoDate } from '../domain/types.ts';

export type { ExportChoices } from './export-data.ts';
export type { ExportedFile } from '../export/export-plan-file.ts';
export type { ReviewPeriodRef } from '../export/export-plan.ts';

/** What a download asks for: the format, and the period (docx), entity (csv) and report date when chosen. */
export type ExportAsk = Omit<PlanExportRequest, 'today' | 'viewer'>;

export function exportService({ db, clock }: ServiceContext) {
  return {
    /** The plan as a file for a signed-in user: the updates they may see, as at today unless a date is chosen. */
    fileForUser: (user: CurrentUser, planId: number, ask: ExportAsk) => exportPlanFile(db, planId, { ...ask, today: clock.today(), viewer: userViewer(user) }),
    /** The plan as a file for the command line (submitted and signed-off updates, never drafts). */
    fileForCommandLine: (planId: number, ask: ExportAsk) => exportPlanFile(db, planId, { ...ask, today: clock.today() }),
    /** What the export page offers for a plan the user may read (the route's access rule has checked that). */
    choices: (plan: { id: number; period: { from: IsoDate; to: IsoDate } | null }, asked?: IsoDate) => exportChoices(db, plan, clock.today(), asked),
  };
}
