// What the import preview page shows of a draft: the plan's summary, the warnings (each naming its commitment and
// text), and every commitment with each milestone's date as read ("1 April 2019 to 31 May 2019", "15 May 2019",
// "Quarterly (recurring)", "No date") beside the text as written.
import type { MilestoneDraft, Recurrence } from '../../../domain/types.ts';
import { FORMAT_NAMES } from '../../../import/index.ts';
import type { ImportDraft } from '../../../services/plan-service.ts';
import { formatDate, formatPeriod } from '../../format.ts';

export const DEFAULT_PLAN_TITLE = 'Improvement plan';

const RECURRENCE_NAMES: Record<Recurrence, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'six-monthly': 'Every six months',
  annually: 'Annually',
};

export interface PreviewWarning {
  /** "Commitment 2", or "The plan" for a warning about no commitment in particular. */
  where: string;
  href: string | null;
  text: string;
  message: string;
}

export interface PreviewMilestone {
  text: string;
  readAs: string;
  /** The date has no year written: the plan period gave it one. */
  yearAssumed: boolean;
  /** Why its date should be checked, when the importer warned about it. */
  warning: string | null;
}

export interface PreviewCommitment {
  number: number;
  anchor: string;
  title: string;
  summary: string;
  kpis: string[];
  milestones: PreviewMilestone[];
  monitoring: string[];
  updates: string[];
}

export interface ImportPreview {
  title: string;
  titleFound: boolean;
  period: string;
  fileName: string;
  formatName: string;
  counts: { commitments: number; milestones: number; kpis: number; monitoring: number };
  warnings: PreviewWarning[];
  commitments: PreviewCommitment[];
}

/** A milestone's due window or recurrence, as the preview says it. */
export function readAs(m: Pick<MilestoneDraft, 'due' | 'recurrence'>): string {
  const recurring = m.recurrence ? `${RECURRENCE_NAMES[m.recurrence]} (recurring)` : null;
  if (!m.due) return recurring ?? 'No date';
  const when = m.due.from === m.due.to ? formatDate(m.due.to) : formatPeriod(m.due);
  return recurring ? `${when}, ${recurring.toLowerCase()}` : when;
}

export function previewOf(draft: ImportDraft): ImportPreview {
  const { plan } = draft;
  // Ids must be unique on the page even when a document numbers two commitments alike.
  const firstWith = (n: number | null): number => plan.commitments.findIndex((c) => c.number === n);
  const anchors = plan.commitments.map((c, i) => `commitment-${c.number}${firstWith(c.number) < i ? `-${i + 1}` : ''}`);
  const anchorOf = (n: number | null): string | undefined => anchors[firstWith(n)];
  const warningFor = (commitment: number, text: string): string | null =>
    plan.warnings.find((w) => w.commitment === commitment && w.text === text)?.message ?? null;
  const sum = (f: (c: (typeof plan.commitments)[number]) => number): number => plan.commitments.reduce((n, c) => n + f(c), 0);

  return {
    title: plan.title ?? DEFAULT_PLAN_TITLE,
    titleFound: plan.title !== null,
    period: plan.period ? formatPeriod(plan.period) : 'Not found in the file',
    fileName: draft.fileName,
    formatName: FORMAT_NAMES[draft.format],
    counts: {
      commitments: plan.commitments.length,
      milestones: sum((c) => c.milestones.length),
      kpis: sum((c) => c.kpis.length),
      monitoring: sum((c) => c.monitoring.length),
    },
    warnings: plan.warnings.map((w) => {
      const anchor = anchorOf(w.commitment);
      return {
        where: w.commitment === null ? 'The plan' : `Commitment ${w.commitment}`,
        href: anchor ? `#${anchor}` : null,
        text: w.text,
        message: w.message,
      };
    }),
    commitments: plan.commitments.map((c, i) => ({
      number: c.number,
      anchor: anchors[i] ?? `commitment-${i + 1}`,
      title: c.title,
      summary: c.summary,
      kpis: c.kpis.map((k) => k.text),
      milestones: c.milestones.map((m) => ({
        text: m.text,
        readAs: readAs(m),
        yearAssumed: m.due !== null && m.yearAssumed === true,
        warning: warningFor(c.number, m.text),
      })),
      monitoring: c.monitoring.map((m) => m.text),
      updates: c.updates.map((u) => u.text),
    })),
  };
}
