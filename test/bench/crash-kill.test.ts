// Crash safety: 10 SIGKILLs of the service during writes lose no write it answered with success and leave the
// SQLite file intact (bench/crash-kill.ts runs 100).
import { describe, expect, it } from 'vitest';
import { runCrashKill } from '../../bench/crash-kill.ts';

describe('killing the service during writes', () => {
  it('loses nothing it confirmed and leaves the database intact', async () => {
    const result = await runCrashKill(10);
    expect(result.kills).toBe(10);
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
    expect(result.integrityProblems).toEqual([]);
  }, 600_000);
});
