// Who an e-mail reached, carried from a POST to its confirmation page in the address (counts only: no addresses).
import type { MailOutcome } from '../../../services/review-service.ts';
import type { MailQuery } from './schemas.ts';
import { periodUrl } from './urls.ts';

export function mailParams(mail: MailOutcome): string {
  return `emailed=${mail.sent.length}&failed=${mail.failed.length}`;
}

export const signedOffUrl = (periodId: number, mail: MailOutcome): string => `${periodUrl(periodId)}/signed-off?${mailParams(mail)}`;

/** "We have e-mailed 2 of the organisation’s plan owners…", or null when nobody was to be told. */
export function mailText(query: MailQuery, whom: string): { text: string; failed: boolean } | null {
  const sent = query.emailed ?? 0;
  const failed = query.failed ?? 0;
  if (sent + failed === 0) return null;
  if (failed === 0) return { text: `We have e-mailed ${whom} to tell them.`, failed: false };
  return {
    text: `We could not e-mail ${failed === sent + failed ? whom : `${failed} of ${whom}`}: e-mail is not set up for this service, or the mail server did not accept the message. Tell them yourself.`,
    failed: true,
  };
}
