// A milestone has one limit wherever it is typed: what could be added by hand can be saved again, unchanged,
// through its edit page, and text over the limit is refused on both pages with the GOV.UK message, keeping what
// was typed.
import { describe, expect, it } from 'vitest';
import { listMilestones } from '../../src/store/milestones-repository.ts';
import { nth } from '../support/fixtures.ts';
import { csrfFrom } from './support.ts';
import { editingWorldForEachTest } from './plan-editing-setup.ts';

/** Text of exactly `length` characters, written like a long milestone (words, commas, an apostrophe). */
function milestoneText(length: number): string {
  const sentence = 'Agree the council’s delivery plan with every ward partner, then publish it. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length).trimEnd().padEnd(length, '.');
}

function unescapeHtml(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What the page's textarea named `name` holds, as a browser would send it. */
function textareaValue(html: string, name: string): string {
  const match = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!match) throw new Error(`no textarea named ${name}`);
  return unescapeHtml((match[1] ?? '').replace(/^\n/, ''));
}

/** The form as the edit page shows it: what the browser posts when "Save" is pressed without changing anything. */
function unchangedEditForm(html: string): Record<string, string> {
  const version = /name="version" value="([^"]*)"/.exec(html)?.[1];
  const status = /<input[^>]*name="status"[^>]*value="([^"]+)"[^>]*checked/.exec(html)?.[1];
  if (!version || !status) throw new Error('the edit page has no version or no status chosen');
  return { _csrf: csrfFrom(html), version: unescapeHtml(version), status, text: textareaValue(html, 'text') };
}

describe('the milestone text limit, the same when added and when changed', () => {
  const w = editingWorldForEachTest();

  const commitmentId = () => nth(w.commitmentIds, 1);
  const newUrl = () => `/commitments/${commitmentId()}/milestones/new`;
  const dated = { dueType: 'date', 'due-day': '30', 'due-month': '9', 'due-year': '2019' };

  it('saves a milestone of 1,500 characters added by hand again, unchanged, through its edit page', async () => {
    const owner = await w.as('owner');
    const text = milestoneText(1_500);
    const added = await owner.submit(newUrl(), newUrl(), { text, ...dated });
    expect(added.statusCode).toBe(303);
    const milestone = (await listMilestones(w.t.store.db, commitmentId())).find((m) => m.text === text);
    expect(milestone, 'the milestone is stored as typed').toBeDefined();

    const editUrl = `/milestones/${milestone!.id}/edit`;
    const page = await owner.get(editUrl);
    expect(page.statusCode).toBe(200);
    const form = unchangedEditForm(page.body);
    expect(form.text).toBe(text);
    const saved = await owner.post(editUrl, form);
    expect(saved.body).not.toContain('characters or fewer');
    expect(saved.statusCode).toBe(303);
    const after = (await listMilestones(w.t.store.db, commitmentId())).find((m) => m.id === milestone!.id);
    expect(after?.text).toBe(text);
  });

  it('refuses 2,001 characters when adding a milestone, keeping what was typed', async () => {
    const owner = await w.as('owner');
    const before = (await listMilestones(w.t.store.db, commitmentId())).length;
    const text = milestoneText(2_001);
    const refused = await owner.submit(newUrl(), newUrl(), { text, ...dated });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#text">Milestone must be 2,000 characters or fewer');
    expect(textareaValue(refused.body, 'text')).toBe(text);
    expect(refused.body).toContain('value="2019"');
    expect((await listMilestones(w.t.store.db, commitmentId())).length, 'nothing is stored').toBe(before);
  });

  it('refuses 2,001 characters when changing a milestone, keeping what was typed and the stored text as it was', async () => {
    const owner = await w.as('owner');
    const stored = milestoneText(1_500);
    await owner.submit(newUrl(), newUrl(), { text: stored, ...dated });
    const milestone = (await listMilestones(w.t.store.db, commitmentId())).find((m) => m.text === stored)!;
    const editUrl = `/milestones/${milestone.id}/edit`;
    const form = unchangedEditForm((await owner.get(editUrl)).body);
    const text = milestoneText(2_001);
    const refused = await owner.post(editUrl, { ...form, text });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#text">Milestone must be 2,000 characters or fewer');
    expect(textareaValue(refused.body, 'text')).toBe(text);
    const after = (await listMilestones(w.t.store.db, commitmentId())).find((m) => m.id === milestone.id);
    expect(after?.text, 'the stored milestone is unchanged').toBe(stored);
  });
});
