// The page shown before a new review cadence or financial-year start is saved: which review periods stay,
// which go, which are added, and that a period with updates is kept exactly as it is. Confirming posts the same
// settings again with confirmPeriods=yes.
import type { PeriodChangePlan } from '../../../services/review-service.ts';
import type { PlanRecord } from '../../../domain/records.ts';
import { formatDate } from '../../format.ts';
import type { PlanFormValues } from './plan-form.ts';

const CADENCE_NAMES: Record<string, string> = { quarterly: 'quarterly', monthly: 'monthly', 'six-monthly': 'every 6 months' };

const dates = (from: string, to: string) => `${formatDate(from)} to ${formatDate(to)}`;

export function periodsConfirmPage(plan: PlanRecord, values: PlanFormValues, readVersion: string | undefined, change: PeriodChangePlan) {
  // The posted values, to send again as hidden fields (date boxes as their three parts).
  const hidden: { name: string; value: string }[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') hidden.push({ name, value });
    else for (const [part, v] of Object.entries(value as Record<string, string>)) hidden.push({ name: `${name}-${part}`, value: v });
  }
  if (readVersion) hidden.push({ name: 'version', value: readVersion });
  return {
    pageTitle: `Check how the review periods change - ${plan.title}`,
    plan,
    cadence: CADENCE_NAMES[values.reviewCadence] ?? values.reviewCadence,
    hidden,
    unchanged: change.unchanged.map((p) => ({ label: p.label, dates: dates(p.startsOn, p.endsOn) })),
    kept: change.keptWithUpdates.map((p) => ({ label: p.label, dates: dates(p.startsOn, p.endsOn), signedOff: p.status === 'signed-off' })),
    keptToCover: change.keptToCover.map((p) => ({ label: p.label, dates: dates(p.startsOn, p.endsOn) })),
    removed: change.removed.map((p) => ({ label: p.label, dates: dates(p.startsOn, p.endsOn) })),
    added: change.added.map((p) => ({ label: p.label, dates: dates(p.from, p.to) })),
    notAdded: change.notAdded.map((p) => ({ label: p.label, dates: dates(p.from, p.to) })),
    action: `/plans/${plan.id}/edit`,
    backHref: `/plans/${plan.id}/edit`,
  };
}
