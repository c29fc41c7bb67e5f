// `tracker users add|list`: create accounts and give them a role in an organisation; list who can sign in.
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { ROLES, type Role } from '../../domain/types.ts';
import type { Store } from '../../store/database.ts';

// The store and the accounts service load when a command runs, not when it is registered (`tracker --help`).
const loadAccounts = () => import('../../services/accounts.ts');

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const [{ openStore }, { migrate }] = await Promise.all([import('../../store/database.ts'), import('../../store/migrate.ts')]);
  const store = openStore(loadConfig().databaseUrl);
  try {
    await migrate(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

interface AddOptions {
  email: string;
  name?: string;
  password?: string;
  org: string;
  role: Role;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage the people who can sign in');

  users
    .command('add')
    .description('add a user (or give an existing user another role) in an organisation, created if new')
    .requiredOption('--email <email>', 'email address, used to sign in')
    .option('--name <name>', 'full name (needed for a new user)')
    .option('--password <password>', `password, at least 10 characters (or set TRACKER_PASSWORD, which stays out of shell history)`)
    .requiredOption('--org <name>', 'organisation name')
    .addOption(new Option('--role <role>', 'role in the organisation').choices(ROLES).makeOptionMandatory())
    .action(async (options: AddOptions) => {
      const password = options.password ?? process.env.TRACKER_PASSWORD;
      const { AccountError, addAccount } = await loadAccounts();
      const { user, created } = await withStore((store) =>
        addAccount(store.db, { email: options.email, name: options.name ?? '', password, organisation: options.org, role: options.role }),
      ).catch((err: unknown) => {
        if (password === undefined && err instanceof AccountError && /password is required/.test(err.message)) {
          throw new Error('A new user needs a password: give --password or set TRACKER_PASSWORD');
        }
        throw err;
      });
      const what = created ? 'Added' : 'Updated existing user (password unchanged):';
      process.stdout.write(`${what} ${user.email} as ${options.role} of ${options.org}\n`);
    });

  users
    .command('list')
    .description('list users and their roles')
    .action(async () => {
      const { listAccounts } = await loadAccounts();
      const accounts = await withStore((store) => listAccounts(store.db));
      if (accounts.length === 0) {
        process.stdout.write('No users yet: add one with `tracker users add`.\n');
        return;
      }
      for (const a of accounts) {
        const roles = a.memberships.map((m) => `${m.role} of ${m.organisationName}`).join('; ') || 'no roles';
        process.stdout.write(`${a.email}\t${a.name}\t${roles}\n`);
      }
    });
}
