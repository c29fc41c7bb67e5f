import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { LOCK_MINUTES, MAX_FAILURES, signIn } from '../../src/services/sign-in.ts';
import { countHit } from '../../src/store/rate-limit-store.ts';
import { forEachDatabase } from '../support/databases.ts';

const PASSWORD = 'correct-horse-battery';
const MINUTE = 60_000;

describe('sign-in limits', () => {
  forEachDatabase((_name, getStore) => {
    it('locks an address for 15 minutes after 5 wrong passwords within 15 minutes, then lets it in', async () => {
      const { db } = getStore();
      await addAccount(db, { email: 'a@example.org', name: 'A', password: PASSWORD, organisation: 'Org', role: 'viewer' });
      const start = new Date('2026-01-05T09:00:00Z');
      for (let i = 0; i < MAX_FAILURES; i++) {
        expect((await signIn(db, 'a@example.org', 'wrong-one', new Date(start.getTime() + i * MINUTE))).status).toBe('wrong');
      }
      const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
      expect((await signIn(db, 'A@example.org', PASSWORD, at(5))).status).toBe('locked');
      expect((await signIn(db, 'a@example.org', PASSWORD, at(4 + LOCK_MINUTES - 1))).status).toBe('locked');
      expect((await signIn(db, 'a@example.org', PASSWORD, at(4 + LOCK_MINUTES + 1))).status).toBe('signed-in');
    });

    it('does not lock for wrong passwords spread beyond the window', async () => {
      const { db } = getStore();
      await addAccount(db, { email: 'a@example.org', name: 'A', password: PASSWORD, organisation: 'Org', role: 'viewer' });
      const start = new Date('2026-01-05T09:00:00Z').getTime();
      for (let i = 0; i < MAX_FAILURES * 2; i++) await signIn(db, 'a@example.org', 'wrong-one', new Date(start + i * 4 * MINUTE));
      expect((await signIn(db, 'a@example.org', PASSWORD, new Date(start + 41 * MINUTE))).status).toBe('signed-in');
    });

    it('locks unknown addresses in the same way', async () => {
      const { db } = getStore();
      const now = new Date('2026-01-05T09:00:00Z');
      for (let i = 0; i < MAX_FAILURES; i++) expect((await signIn(db, 'ghost@example.org', 'x-password', now)).status).toBe('wrong');
      expect((await signIn(db, 'ghost@example.org', 'x-password', now)).status).toBe('locked');
    });

    it('counts rate-limit hits per key in a shared window that starts again when it ends', async () => {
      const { db } = getStore();
      const now = new Date('2026-01-05T09:00:00Z');
      expect(await countHit(db, 'k', 60_000, now)).toEqual({ current: 1, ttl: 60_000 });
      expect(await countHit(db, 'k', 60_000, new Date(now.getTime() + 10_000))).toEqual({ current: 2, ttl: 50_000 });
      expect((await countHit(db, 'other', 60_000, now)).current).toBe(1);
      expect(await Promise.all([1, 2, 3].map(() => countHit(db, 'k', 60_000, new Date(now.getTime() + 20_000)))))
        .toEqual(expect.arrayContaining([{ current: 5, ttl: 40_000 }]));
      expect(await countHit(db, 'k', 60_000, new Date(now.getTime() + 60_000))).toEqual({ current: 1, ttl: 60_000 });
    });
  });
});
