// The service for what only an operator does, from the command line: checking the audit trail's hash chain. Made
// with the shared context (database, clock, settings).
import type { ServiceContext } from './context.ts';
import { verifyAuditChain } from '../store/audit-repository.ts';

export type { ChainCheck } from '../store/audit-chain.ts';

export function adminService({ db }: ServiceContext) {
  return {
    /** Walks the whole audit chain and names the first broken link (an event edited, deleted or moved). */
    verifyAuditChain: () => verifyAuditChain(db),
  };
}

export type AdminService = ReturnType<typeof adminService>;
