// The `tracker` command line. Each command lives in cli/commands/<name>.ts and registers itself here.
// Registering must stay cheap: a command module imports only commander and small modules at the top, and loads
// what it runs (the store, the web app, exports, importers and their libraries) with `await import()` inside its
// action, so `tracker --help` starts quickly (test/cli/lazy-loading.test.ts checks the large libraries).
import { Command } from 'commander';
import { registerServe } from './commands/serve.ts';
import { registerImport } from './commands/import.ts';
import { registerUsers } from './commands/users.ts';
import { registerReminders } from './commands/reminders.ts';
import { registerExport } from './commands/export.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerGenerate } from './commands/generate.ts';

const program = new Command()
  .name('tracker')
  .description('Improvement Tracker: run an improvement plan and its quarterly review')
  .showHelpAfterError();

registerServe(program);
registerImport(program);
registerUsers(program);
registerReminders(program);
registerExport(program);
registerAudit(program);
registerBackup(program);
registerGenerate(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // One clear line, never a stack trace.
  process.stderr.write(`tracker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
