// Where to go back to after a change: the commitment page, at the thing changed, with a success message.

export function commitmentUrl(commitmentId: number, notice?: string, anchor?: string): string {
  return `/commitments/${commitmentId}${notice ? `?notice=${notice}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/** Who may change a commitment's milestones, KPIs and evidence: said on the 403 page to everyone else. */
export const EDIT_REFUSAL = 'Only the plan owner and the commitment’s lead can change its milestones, KPIs and evidence.';
