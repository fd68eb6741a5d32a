// POST /v1/search: title match, object filter, sharing, pagination.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { TestApi } from '../../emulator/testClient';

describe('emulator: search', () => {
  let emu: Emulator;
  let api: TestApi;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_other: {} } });
    api = new TestApi(emu.url);
    for (let i = 0; i < 5; i++) {
      emu.seed.page({ title: `Travel notes ${i}` });
      emu.clock.advance(1000);
    }
    emu.seed.page({ title: 'Recipes' });
    emu.seed.page({ title: 'Secret travel plans', sharedWith: ['ntn_other'] });
    emu.seed.database({ title: 'Travel DB', properties: { Name: 'title' } });
  });
  after(() => emu.close());

  const titles = (r: any) => r.json.results.map((p: any) => p.properties?.title?.title[0]?.plain_text ?? p.title?.[0]?.plain_text);
  const pageFilter = { property: 'object', value: 'page' };

  it('finds shared pages by title, case-insensitively, most recently edited first', async () => {
    const r = await api.call('POST', '/v1/search', { query: 'TRAVEL', filter: pageFilter });
    assert.equal(r.status, 200);
    assert.equal(r.json.type, 'page_or_data_source');
    const old = await api.withVersion('2022-06-28').call('POST', '/v1/search', { query: 'travel', filter: pageFilter });
    assert.equal(old.json.type, 'page_or_database');
    assert.deepEqual(titles(r), ['Travel notes 4', 'Travel notes 3', 'Travel notes 2', 'Travel notes 1', 'Travel notes 0']);
    const other = await api.as('ntn_other').call('POST', '/v1/search', { query: 'secret', filter: pageFilter });
    assert.deepEqual(titles(other), ['Secret travel plans']);
  });

  it('includes databases (data sources) without the page filter', async () => {
    const r = await api.call('POST', '/v1/search', { query: 'travel' });
    assert.equal(r.json.results.length, 6);
    assert.ok(r.json.results.some((x: any) => x.object === 'data_source'));
    const old = await api.withVersion('2022-06-28').call('POST', '/v1/search', { query: 'travel', filter: { property: 'object', value: 'database' } });
    assert.deepEqual(old.json.results.map((x: any) => x.object), ['database']);
  });

  it('leaves trashed pages out unless filter.in_trash is true', async () => {
    const gone = emu.seed.page({ title: 'Trashed travel' }).id;
    await api.call('PATCH', `/v1/pages/${gone}`, { archived: true });
    assert.ok(!titles(await api.call('POST', '/v1/search', { query: 'trashed', filter: pageFilter })).length);
    const withTrash = await api.call('POST', '/v1/search', { query: 'trashed', filter: { ...pageFilter, in_trash: true } });
    assert.deepEqual(titles(withTrash), ['Trashed travel']);
    const relevance = await api.call('POST', '/v1/search', { query: 'recipes', sort: { property: 'relevance' } });
    assert.equal(relevance.status, 200);
  });

  it('paginates', async () => {
    const first = await api.call('POST', '/v1/search', { query: 'travel', filter: pageFilter, page_size: 2 });
    assert.equal(first.json.results.length, 2);
    assert.equal(first.json.has_more, true);
    const rest = await api.call('POST', '/v1/search', { query: 'travel', filter: pageFilter, page_size: 10, start_cursor: first.json.next_cursor });
    assert.equal(rest.json.results.length, 3);
    assert.equal(rest.json.has_more, false);
  });

  it('refuses bad filters, sorts and page sizes', async () => {
    for (const body of [
      { filter: { property: 'object', value: 'block' } },
      { filter: { property: 'title', value: 'page' } },
      { filter: { property: 'object', value: 'database' } }, // 2025-09-03 says data_source
      { sort: { timestamp: 'created_time', direction: 'ascending' } },
      { page_size: 0 },
      { query: 5 },
    ]) {
      const r = await api.call('POST', '/v1/search', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.json.code, 'validation_error');
    }
  });
});
