// What the update pages show: the form's radios and checkboxes (with the plan's RAG definitions, the suggested
// RAG and each KPI's latest reading), and each version of an update as a summary.
import { formatKpiNumber } from '../../../domain/kpi.ts';
import { NARRATIVE_MAX, REASON_MAX, RESPONSE_MAX } from '../../../domain/update-flow.ts';
import type { KpiForUpdate, ReviewUpdateRecord, UpdateFormData } from '../../../services/review-service.ts';
import { formatDate } from '../../format.ts';
import { judgingView } from './judging-view.ts';
import { ragName, ragTag, type Tag } from './tags.ts';
import type { UpdateBody } from './schemas.ts';
import { historyUrl, periodUrl, updateUrl } from './urls.ts';

export type UpdateMode = 'edit' | 'correct' | 'view';

/** The form's fields as typed (or as last saved), ready to put back into the form. */
export interface UpdateValues {
  rag: string;
  narrative: string;
  kpiRefs: number[];
  ragOverrideReason: string;
  correctionReason: string;
  response: string;
}

export function savedValues(update: ReviewUpdateRecord | null): UpdateValues {
  return {
    rag: update?.rag ?? '',
    narrative: update?.narrative ?? '',
    kpiRefs: update?.kpiRefs ?? [],
    ragOverrideReason: update?.ragOverrideReason ?? '',
    correctionReason: '',
    response: update?.response ?? '',
  };
}

export function typedValues(body: UpdateBody, update: ReviewUpdateRecord | null): UpdateValues {
  return {
    ...savedValues(update),
    rag: body.rag ?? '',
    narrative: body.narrative ?? '',
    // As sent: a list of ids, or a single value when the schema refused the form before it made one a list.
    kpiRefs: [body.kpiRefs ?? []].flat().map(Number).filter(Number.isInteger),
    ragOverrideReason: body.ragOverrideReason ?? '',
    correctionReason: body.correctionReason ?? '',
  };
}

/** "Latest reading: 21% on 30 June 2019", or that there is none. */
export function latestReadingText(kpi: KpiForUpdate): string {
  if (!kpi.latest) return 'No readings yet';
  const unit = kpi.unit ? (kpi.unit === '%' ? '%' : ` ${kpi.unit}`) : '';
  return `Latest reading: ${formatKpiNumber(kpi.latest.value)}${unit} on ${formatDate(kpi.latest.date)}`;
}

export interface VersionView {
  version: number;
  title: string;
  current: boolean;
  stateText: string;
  rag: Tag | null;
  suggested: Tag | null;
  suggestedReasons: string[];
  overrideReason: string | null;
  narrative: string;
  kpis: string[];
  response: string | null;
  correctionReason: string | null;
  /** Why the version before this one was returned to draft. */
  returnReason: string | null;
}

function stateText(u: ReviewUpdateRecord): string {
  if (u.state === 'signed-off') return `Signed off${u.signedOffAt ? ` on ${formatDate(u.signedOffAt)}` : ''}`;
  if (u.state === 'submitted') return `Submitted${u.submittedAt ? ` on ${formatDate(u.submittedAt)}` : ''}`;
  return `In progress (last saved ${formatDate(u.updatedAt)})`;
}

/** "Version 2 (correction)", "Version 1 (returned to draft)", "Version 2 (after return to draft)"… */
function versionTitle(data: UpdateFormData, u: ReviewUpdateRecord, current: boolean): string {
  const returned = (version: number) => data.withdrawals.some((w) => w.version === version);
  if (returned(u.version)) return `Version ${u.version} (returned to draft)`;
  if (u.version === 1) return current ? 'Update' : 'Version 1 (original)';
  return returned(u.version - 1) ? `Version ${u.version} (after return to draft)` : `Version ${u.version} (correction)`;
}

export function versionView(data: UpdateFormData, u: ReviewUpdateRecord): VersionView {
  const scheme = data.plan.ragScheme;
  const current = data.update?.id === u.id;
  const title = versionTitle(data, u, current);
  const afterReturn = data.withdrawals.some((w) => w.version === u.version - 1);
  return {
    version: u.version,
    title,
    current,
    stateText: stateText(u),
    rag: ragTag(scheme, u.rag),
    suggested: ragTag(scheme, u.suggestedRag),
    suggestedReasons: u.suggestedReasons,
    overrideReason: u.ragOverrideReason,
    narrative: u.narrative,
    kpis: data.kpis.filter((k) => u.kpiRefs.includes(k.id)).map((k) => `${k.name} (${latestReadingText(k)})`),
    response: u.response,
    correctionReason: afterReturn ? null : u.correctionReason,
    returnReason: afterReturn ? u.correctionReason : null,
  };
}

function modeOf(data: UpdateFormData, wanted: 'edit' | 'correct'): UpdateMode {
  const { rights, stage, locked } = data;
  if (wanted === 'correct') return rights.write && stage === 'signed-off' ? 'correct' : 'view';
  return rights.write && !locked && (stage === 'not-started' || stage === 'draft') ? 'edit' : 'view';
}

/** Everything update.njk needs, whichever way it is shown: form, correction form or read-only. */
export function updatePage(data: UpdateFormData, values: UpdateValues, wanted: 'edit' | 'correct' = 'edit') {
  const { commitment, period, suggestion, plan } = data;
  const mode = modeOf(data, wanted);
  const base = updateUrl(period.id, commitment.id);
  return {
    pageTitle: `${mode === 'correct' ? 'Correct the update' : 'Progress update'}: commitment ${commitment.number} - ${period.label}`,
    mode,
    data,
    values,
    limits: { narrative: NARRATIVE_MAX, reason: REASON_MAX, response: RESPONSE_MAX },
    urls: {
      update: base, check: `${base}/check`, submit: `${base}/submit`, response: `${base}/response`, correct: `${base}/correct`,
      returnToDraft: `${base}/return-to-draft`, period: periodUrl(period.id), history: historyUrl(commitment.id),
    },
    suggestion: { tag: ragTag(plan.ragScheme, suggestion.rag), name: ragName(plan.ragScheme, suggestion.rag), reasons: suggestion.reasons },
    ragItems: plan.ragScheme.map((d) => ({
      value: d.rag,
      text: d.rag === suggestion.rag ? `${d.label} (suggested)` : d.label,
      hint: { text: d.meaning },
      checked: values.rag === d.rag,
    })),
    kpiItems: data.kpis.map((k) => ({ value: String(k.id), text: k.name, hint: { text: latestReadingText(k) }, checked: values.kpiRefs.includes(k.id) })),
    // Newest first: after a correction both versions stay visible, the current one on top.
    versions: [...data.versions].reverse().map((u) => versionView(data, u)),
    canRespond: data.rights.respond && data.stage === 'submitted' && !data.locked,
    canCorrect: data.rights.write && data.stage === 'signed-off',
    canReturn: data.rights.write && data.stage === 'submitted' && !data.locked,
    judging: judgingView(data),
    withdrawals: data.withdrawals.map((w) => ({ text: `Version ${w.version} was returned to draft on ${formatDate(w.at)}`, reason: w.reason })),
  };
}
