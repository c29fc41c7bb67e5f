// The demo accounts by e-mail address, for tests that sign in as a demo role.
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/services/demo.ts';

/** The demo account with this e-mail address (its password included). */
export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`No demo account ${email}`);
  return account;
}
