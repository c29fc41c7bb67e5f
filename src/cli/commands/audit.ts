// `tracker audit verify`: walks the audit trail's hash chain and names the first broken link (an event edited,
// deleted or moved), exiting 1 then; 0 when the chain is whole.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail');

  audit
    .command('verify')
    .description('check that no audit event has been edited, deleted or reordered')
    .action(async () => {
      // Loaded when the command runs, so that `tracker --help` stays quick.
      const { withServices } = await import('../../composition-root.ts');
      const check = await withServices(loadConfig(), (services) => services.admin.verifyAuditChain());
      if (check.ok) {
        process.stdout.write(`Audit trail intact: ${check.events} event${check.events === 1 ? '' : 's'}, every link checked.\n`);
        return;
      }
      process.stdout.write(`Audit trail BROKEN at event ${check.eventId} (sequence ${check.seq}): ${check.problem}.\n`);
      process.exitCode = 1;
    });
}
