// `tracker backup FILE` and `tracker restore FILE [--force]`: an online, consistent copy of a SQLite database
// (SQLite's backup API, while the service keeps running) and the evidence files under DATA_DIR/evidence, in one
// archive; and putting such an archive back. PostgreSQL: use pg_dump / pg_restore (docs/operations.md).
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the SQLite database and the evidence files to one archive (safe while the service runs)')
    .argument('<file>', 'the archive to write (a .zip file)')
    .action(async (file: string) => {
      const { backup } = await import('../../services/backup.ts');
      const config = loadConfig();
      const summary = await backup(config.databaseUrl, config.dataDir, file);
      process.stdout.write(`Backed up the database and ${summary.evidenceFiles} evidence file${summary.evidenceFiles === 1 ? '' : 's'} to ${file}.\n`);
    });

  program
    .command('restore')
    .description('put a backup archive back (refuses to overwrite a database that has data, unless --force)')
    .argument('<file>', 'the archive written by `tracker backup`')
    .option('--force', 'overwrite a database that already has data')
    .action(async (file: string, options: { force?: boolean }) => {
      const { restore } = await import('../../services/backup.ts');
      const config = loadConfig();
      const summary = await restore(file, config.databaseUrl, config.dataDir, { force: options.force === true });
      process.stdout.write(`Restored the database and ${summary.evidenceFiles} evidence file${summary.evidenceFiles === 1 ? '' : 's'} from ${file}.\n`);
    });
}
