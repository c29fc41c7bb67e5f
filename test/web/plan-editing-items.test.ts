// Milestones and monitoring items added by hand; a due date written as words is shown as what it was read as.
import { describe, expect, it } from 'vitest';
import { listMilestones } from '../../src/store/milestones-repository.ts';
import { getMonitoringItem, listMonitoringItems } from '../../src/store/monitoring-repository.ts';
import { nth } from '../support/fixtures.ts';
import { editingWorldForEachTest } from './plan-editing-setup.ts';

describe('milestones and monitoring items by hand', () => {
  const w = editingWorldForEachTest();

  const milestoneUrl = (i: number) => `/commitments/${nth(w.commitmentIds, i)}/milestones/new`;

  it('reads a due date written as words, shows what it was read as, and stores it once confirmed', async () => {
    const owner = await w.as('owner');
    const url = milestoneUrl(1);
    const before = (await listMilestones(w.t.store.db, nth(w.commitmentIds, 1))).length;
    const form = { text: 'Publish the Local Industrial Strategy', dueType: 'phrase', duePhrase: 'by April/May 2019' };
    const check = await owner.submit(url, url, form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the milestone');
    expect(check.body).toMatch(/Read as\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1 April 2019 to 31 May 2019/);
    const count = (await listMilestones(w.t.store.db, nth(w.commitmentIds, 1))).length;
    expect(count, 'nothing is stored before it is confirmed').toBe(before);

    const change = await owner.submit(url, url, { ...form, step: 'change' });
    expect(change.body).toContain('value="by April/May 2019"');
    expect(change.body).toContain('Publish the Local Industrial Strategy</textarea>');

    const saved = await owner.submit(url, url, { ...form, step: 'save' });
    expect(saved.statusCode).toBe(303);
    const milestones = await listMilestones(w.t.store.db, nth(w.commitmentIds, 1));
    expect(milestones).toHaveLength(before + 1);
    expect(milestones.at(-1)).toMatchObject({
      text: 'Publish the Local Industrial Strategy',
      due: { from: '2019-04-01', to: '2019-05-31' },
      baseline: { from: '2019-04-01', to: '2019-05-31' },
      status: 'not-started',
    });
    expect(await w.auditActions()).toContain('milestone:create');
  });

  it('stores a date given as day, month and year, and refuses one that does not exist', async () => {
    const owner = await w.as('owner');
    const url = milestoneUrl(2);
    const before = await listMilestones(w.t.store.db, nth(w.commitmentIds, 2));
    const bad = await owner.submit(url, url, { text: 'Board away day', dueType: 'date', 'due-day': '31', 'due-month': '6', 'due-year': '2019' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#due-day">Due date must be a real date</a>');
    expect(bad.body).toMatch(/name="due-day" type="text" value="31"/);
    expect(await listMilestones(w.t.store.db, nth(w.commitmentIds, 2))).toEqual(before);

    const good = await owner.submit(url, url, { text: 'Board away day', dueType: 'date', 'due-day': '30', 'due-month': '6', 'due-year': '2019' });
    expect(good.statusCode).toBe(303);
    const added = (await listMilestones(w.t.store.db, nth(w.commitmentIds, 2))).at(-1);
    expect(added).toMatchObject({ text: 'Board away day', due: { from: '2019-06-30', to: '2019-06-30' } });
  });

  it('says when no date can be read from the words, keeping them', async () => {
    const owner = await w.as('owner');
    const url = milestoneUrl(0);
    const res = await owner.submit(url, url, { text: 'Recruit a chair', dueType: 'phrase', duePhrase: 'when possible' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('No date could be read from “when possible”');
    expect(res.body).toContain('value="when possible"');
    const missing = await owner.submit(url, url, { text: '' });
    expect(missing.body).toContain('Enter the milestone');
    expect(missing.body).toContain('Select how you want to give the due date');
  });

  it('lets a commitment lead add items to their own commitment only; viewers and other organisations cannot', async () => {
    const lead = await w.as('lead');
    expect((await lead.get(milestoneUrl(0))).statusCode).toBe(200);
    const own = `/commitments/${nth(w.commitmentIds, 0)}/monitoring/new`;
    expect((await lead.submit(own, own, { text: 'Minutes of the Board' })).statusCode).toBe(303);
    expect((await lead.get(milestoneUrl(1))).statusCode).toBe(403);
    expect((await lead.get(`/commitments/${nth(w.commitmentIds, 1)}/monitoring/new`)).statusCode).toBe(403);

    const viewer = await w.as('viewer');
    expect((await viewer.get(milestoneUrl(0))).statusCode).toBe(403);
    const item = nth(await listMonitoringItems(w.t.store.db, nth(w.commitmentIds, 0)), 0);
    expect((await viewer.get(`/monitoring/${item.id}/edit`)).statusCode).toBe(403);

    const outsider = await w.as('outsider');
    expect((await outsider.get(milestoneUrl(0))).statusCode).toBe(404);
    expect((await outsider.get(`/monitoring/${item.id}/delete`)).statusCode).toBe(404);
  });

  it('adds, changes and deletes (after confirming) a monitoring item', async () => {
    const owner = await w.as('owner');
    const commitmentId = nth(w.commitmentIds, 1);
    const newUrl = `/commitments/${commitmentId}/monitoring/new`;
    expect((await owner.submit(newUrl, newUrl, { text: 'Sent to CLG July 2019' })).statusCode).toBe(303);
    const item = (await listMonitoringItems(w.t.store.db, commitmentId)).at(-1)!;
    expect(item.text).toBe('Sent to CLG July 2019');

    const editUrl = `/monitoring/${item.id}/edit`;
    const empty = await owner.submit(editUrl, editUrl, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter how progress will be monitored');
    expect((await getMonitoringItem(w.t.store.db, item.id))?.text).toBe('Sent to CLG July 2019');
    expect((await owner.submit(editUrl, editUrl, { text: 'Sent to MHCLG in July 2019' })).statusCode).toBe(303);
    expect((await getMonitoringItem(w.t.store.db, item.id))?.text).toBe('Sent to MHCLG in July 2019');

    const deleteUrl = `/monitoring/${item.id}/delete`;
    const confirm = await owner.get(deleteUrl);
    expect(confirm.body).toContain('Are you sure you want to delete this monitoring item?');
    expect(confirm.body).toContain('Sent to MHCLG in July 2019');
    expect((await owner.submit(deleteUrl, deleteUrl, {})).statusCode).toBe(303);
    expect(await getMonitoringItem(w.t.store.db, item.id)).toBeUndefined();
    expect(await w.auditActions()).toEqual(expect.arrayContaining(['monitoring-item:create', 'monitoring-item:update', 'monitoring-item:delete']));
  });
});
