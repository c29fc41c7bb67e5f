// The `tracker` command line. Each command lives in cli/commands/<name>.ts and registers itself here.
import { Command } from 'commander';
import { registerServe } from './commands/serve.ts';
import { registerImport } from './commands/import.ts';
import { registerUsers } from './commands/users.ts';
import { registerReminders } from './commands/reminders.ts';
import { registerExport } from './commands/export.ts';

const program = new Command()
  .name('tracker')
  .description('Improvement Tracker: run an improvement plan and its quarterly review')
  .showHelpAfterError();

registerServe(program);
registerImport(program);
registerUsers(program);
registerReminders(program);
registerExport(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // One clear line, never a stack trace.
  process.stderr.write(`tracker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
