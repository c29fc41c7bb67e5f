// Addresses of the review pages, in one place so routes and views agree.

export const plansReviewsUrl = (planId: number): string => `/plans/${planId}/reviews`;

export const periodUrl = (periodId: number, notice?: string, commitmentId?: number): string => {
  const query = new URLSearchParams();
  if (notice) query.set('notice', notice);
  if (commitmentId !== undefined) query.set('commitment', String(commitmentId));
  const text = query.toString();
  return `/reviews/${periodId}${text ? `?${text}` : ''}`;
};

export const updateUrl = (periodId: number, commitmentId: number, notice?: string): string =>
  `/reviews/${periodId}/commitments/${commitmentId}${notice ? `?notice=${notice}` : ''}`;

export const historyUrl = (commitmentId: number): string => `/commitments/${commitmentId}/updates`;
