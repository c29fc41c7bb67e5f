// The service for the demo organisations, accounts and living plan, made with the shared context (database, clock,
// settings). The living demo is made as at today on the one clock.
import type { ServiceContext } from './context.ts';
import { DEMO_ACCOUNTS, demoSignInText, ensureLivingDemo, type DemoOptions } from './demo.ts';

export type { DemoAccount, DemoResult } from './demo.ts';

export function demoService({ db, clock, config }: ServiceContext) {
  return {
    /** In demo mode, on a database without organisations: the demo accounts and the plan tracked up to today. */
    ensure: (options: Pick<DemoOptions, 'planFile' | 'writtenFy'> = {}) => ensureLivingDemo(db, config, { ...options, clock }),
    /** The demo accounts, shown on the sign-in page while demo mode is on (their passwords are public). */
    accounts: DEMO_ACCOUNTS,
    /** The demo sign-in details printed on start-up. */
    signInText: demoSignInText,
  };
}

export type DemoService = ReturnType<typeof demoService>;
