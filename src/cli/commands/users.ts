// `tracker users add|list|set-role|disable|enable|reset-password`: the people who can sign in, from the server, for
// the first admin and for recovery (day-to-day, organisation admins manage members in the browser, at /admin).
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { ROLES, type Role } from '../../domain/types.ts';
import type { Services } from '../../services/index.ts';

// The services (and the database) load when a command runs, not when it is registered (`tracker --help`).
async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  const { withServices: open } = await import('../../composition-root.ts');
  return open(loadConfig(), work);
}

interface AddOptions {
  email: string;
  name?: string;
  password?: string;
  org: string;
  role: Role;
  reset?: boolean;
  serviceAdmin?: boolean;
}

const PASSWORD_HELP = 'password, at least 10 characters and not a common one (or set TRACKER_PASSWORD, which stays out of shell history)';

/** The user of this address, or a plain error the command line prints. */
async function userByEmail(services: Services, email: string) {
  const user = await services.accounts.operator.userByEmail(email);
  if (!user) throw new Error(`There is no user with the email address ${email}`);
  return user;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage the people who can sign in');

  users
    .command('add')
    .description('add a user (or give an existing user another role) in an organisation, created if new')
    .requiredOption('--email <email>', 'email address, used to sign in')
    .option('--name <name>', 'full name (needed for a new user)')
    .option('--password <password>', PASSWORD_HELP)
    .option('--reset', 'the user already exists: set the password given (and sign them out everywhere)')
    .option('--service-admin', 'also make the user a service-wide admin (creates and archives organisations, manages any of them)')
    .requiredOption('--org <name>', 'organisation name')
    .addOption(new Option('--role <role>', 'role in the organisation').choices(ROLES).makeOptionMandatory())
    .action(async (options: AddOptions) => {
      const password = options.password ?? process.env.TRACKER_PASSWORD;
      const { AccountError } = await import('../../services/account-service.ts');
      const { user, created } = await withServices(async (services) => {
        const added = await services.accounts.addAccount({
          email: options.email, name: options.name ?? '', password, organisation: options.org, role: options.role,
          onExisting: options.reset ? 'reset' : 'refuse',
        });
        if (options.serviceAdmin) await services.accounts.operator.setServiceAdmin(added.user.id, true);
        return added;
      }).catch((err: unknown) => {
        if (password === undefined && err instanceof AccountError && /password is required/.test(err.message)) {
          throw new Error('A new user needs a password: give --password or set TRACKER_PASSWORD');
        }
        throw err;
      });
      const what = created ? 'Added' : options.reset && password !== undefined ? 'Updated existing user (password reset, signed out everywhere):' : 'Updated existing user (password unchanged):';
      process.stdout.write(`${what} ${user.email} as ${options.role} of ${options.org}${options.serviceAdmin ? ', service-wide admin' : ''}\n`);
    });

  users
    .command('list')
    .description('list users and their roles')
    .action(async () => {
      const accounts = await withServices((services) => services.accounts.listAccounts());
      if (accounts.length === 0) {
        process.stdout.write('No users yet: add one with `tracker users add`.\n');
        return;
      }
      for (const a of accounts) {
        const roles = a.memberships.map((m) => `${m.role} of ${m.organisationName}`).join('; ') || 'no roles';
        const notes = [a.serviceAdmin ? 'service-wide admin' : '', a.disabled ? 'disabled' : ''].filter(Boolean);
        process.stdout.write(`${a.email}\t${a.name}\t${roles}${notes.length ? `\t${notes.join(', ')}` : ''}\n`);
      }
    });

  users
    .command('set-role')
    .description('give a user exactly this role in an organisation, in place of the roles they held there')
    .requiredOption('--email <email>', 'the user’s email address')
    .requiredOption('--org <name>', 'organisation name')
    .addOption(new Option('--role <role>', 'role in the organisation').choices(ROLES).makeOptionMandatory())
    .action(async (options: { email: string; org: string; role: Role }) => {
      await withServices(async (services) => {
        const user = await userByEmail(services, options.email);
        const outcome = await services.accounts.operator.setRole(user.id, options.org, options.role);
        if (!outcome.ok && outcome.reason === 'no-organisation') throw new Error(`There is no organisation named "${options.org}"`);
        if (!outcome.ok && outcome.reason === 'last-admin') throw new Error(`${user.email} is the last admin of ${options.org}: make someone else an admin first`);
      });
      process.stdout.write(`${options.email} is now ${options.role} of ${options.org}\n`);
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    users
      .command(name)
      .description(disabled ? 'disable a user: signed out at once, no sign-in or API tokens; memberships and history kept' : 'enable a disabled user again')
      .requiredOption('--email <email>', 'the user’s email address')
      .action(async (options: { email: string }) => {
        await withServices(async (services) => {
          const user = await userByEmail(services, options.email);
          const outcome = await services.accounts.operator.setUserDisabled(user.id, disabled);
          if (!outcome.ok && outcome.reason === 'last-admin') throw new Error(`${user.email} is the last admin of an organisation: make someone else an admin there first`);
          if (!outcome.ok) throw new Error(`${user.email} could not be ${disabled ? 'disabled' : 'enabled'}`);
        });
        process.stdout.write(`${options.email} is ${disabled ? 'disabled and signed out everywhere' : 'enabled'}\n`);
      });
  }

  users
    .command('reset-password')
    .description('set a new password for a user (from --password or TRACKER_PASSWORD) and sign them out everywhere')
    .requiredOption('--email <email>', 'the user’s email address')
    .option('--password <password>', PASSWORD_HELP)
    .action(async (options: { email: string; password?: string }) => {
      const password = options.password ?? process.env.TRACKER_PASSWORD;
      if (password === undefined) throw new Error('Give the new password with --password or TRACKER_PASSWORD');
      await withServices(async (services) => {
        const user = await userByEmail(services, options.email);
        const outcome = await services.accounts.operator.resetPassword(user.id, password);
        if (!outcome.ok) throw new Error(outcome.problem);
      });
      process.stdout.write(`The password of ${options.email} has been reset; they have been signed out everywhere\n`);
    });
}
