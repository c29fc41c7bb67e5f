import { describe, expect, it } from 'vitest';
import {
  createOrganisation,
  findOrCreateOrganisation,
  findOrganisationByName,
  getOrganisation,
  listOrganisations,
  renameOrganisation,
} from '../../src/store/organisations-repository.ts';
import { forEachDatabase } from '../support/databases.ts';

describe('organisations repository', () => {
  forEachDatabase((_name, getStore) => {
    it('creates an organisation and finds it by id and by name', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, '  Lancashire LEP ');
      expect(org).toMatchObject({ name: 'Lancashire LEP' });
      expect(org.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await getOrganisation(db, org.id)).toEqual(org);
      expect(await findOrganisationByName(db, 'Lancashire LEP ')).toEqual(org);
      expect(await findOrganisationByName(db, 'Cumbria LEP')).toBeUndefined();
      expect(await getOrganisation(db, org.id + 1)).toBeUndefined();
    });

    it('refuses a second organisation of the same name, and an empty name', async () => {
      const { db } = getStore();
      await createOrganisation(db, 'Same');
      await expect(createOrganisation(db, 'Same')).rejects.toThrow();
      await expect(createOrganisation(db, '   ')).rejects.toThrow(/needs a name/);
      expect(await listOrganisations(db)).toHaveLength(1);
    });

    it('finds or creates: the same organisation every time, also when asked at once', async () => {
      const { db } = getStore();
      const created = await findOrCreateOrganisation(db, 'Blackpool Council');
      const again = await findOrCreateOrganisation(db, ' Blackpool Council');
      expect(again).toEqual(created);
      const racing = await Promise.all([1, 2, 3].map(() => findOrCreateOrganisation(db, 'Racing Council')));
      expect(new Set(racing.map((o) => o.id)).size).toBe(1);
      expect(await listOrganisations(db)).toHaveLength(2);
    });

    it('lists organisations by name and renames one', async () => {
      const { db } = getStore();
      const b = await createOrganisation(db, 'Burnley');
      await createOrganisation(db, 'Accrington');
      expect((await listOrganisations(db)).map((o) => o.name)).toEqual(['Accrington', 'Burnley']);
      expect(await renameOrganisation(db, b.id, 'Zeta')).toMatchObject({ id: b.id, name: 'Zeta' });
      expect((await listOrganisations(db)).map((o) => o.name)).toEqual(['Accrington', 'Zeta']);
      expect(await renameOrganisation(db, 9999, 'Nobody')).toBeUndefined();
    });
  });
});
