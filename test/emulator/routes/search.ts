// POST /v1/search: pages (and databases / data sources) shared with the bot whose title
// contains the query, most recently edited first, paginated. Trashed items only with
// filter.in_trash: true.
import { validation } from '../errors';
import type { Router } from '../router';
import { paginate, parsePageSize } from '../uploads/store';
import type { DatabaseRecord, PageRecord } from '../workspace/records';
import { plainText } from '../workspace/richText';
import type { World } from '../world';
import { isObject } from '../isObject';

export function searchRoutes(router: Router, w: World): void {
  router.add('POST', '/v1/search', (ctx) => {
    const body = ctx.body === undefined ? {} : ctx.body;
    if (!isObject(body)) throw validation('body should be an object.');
    const query = body.query ?? '';
    if (typeof query !== 'string') throw validation('body.query should be a string.');
    const dbKind = ctx.version >= '2025-09-03' ? 'data_source' : 'database';
    let want: 'page' | 'database' | undefined;
    let includeTrash = false;
    if (body.filter !== undefined) {
      const f = body.filter;
      const objectFilter = isObject(f) && f.property === 'object' && (f.value === 'page' || f.value === dbKind);
      const trashOnly = isObject(f) && f.property === undefined && typeof f.in_trash === 'boolean';
      if (!isObject(f) || (!objectFilter && !trashOnly) || (f.in_trash !== undefined && typeof f.in_trash !== 'boolean')) {
        throw validation(`body.filter should be {property: "object", value: "page" | "${dbKind}", in_trash?: boolean} or {in_trash: boolean}, instead was \`${JSON.stringify(f)}\`.`);
      }
      if (objectFilter) want = f.value === 'page' ? 'page' : 'database';
      includeTrash = f.in_trash === true;
    }
    let ascending = false;
    if (body.sort !== undefined) {
      const s = body.sort;
      const relevance = isObject(s) && s.property === 'relevance';
      if (!relevance && (!isObject(s) || s.timestamp !== 'last_edited_time' || (s.direction !== 'ascending' && s.direction !== 'descending'))) {
        throw validation('body.sort should be {timestamp: "last_edited_time", direction: "ascending" | "descending"} or {property: "relevance"}.');
      }
      ascending = isObject(s) && s.direction === 'ascending';
    }
    const needle = query.toLowerCase();
    const titleOf = (r: PageRecord | DatabaseRecord) => (r.kind === 'page' ? w.render.pageTitle(r) : plainText(r.title));
    const hits = [...w.workspace.objects.values()]
      .filter((r): r is PageRecord | DatabaseRecord => (r.kind === 'page' || r.kind === 'database') && (includeTrash || !r.inTrash))
      .filter((r) => (!want || r.kind === want) && w.workspace.visibleTo(ctx.bot, r) && titleOf(r).toLowerCase().includes(needle))
      .sort((a, b) => (ascending ? a.lastEditedMs - b.lastEditedMs : b.lastEditedMs - a.lastEditedMs));
    const start = body.start_cursor === undefined || body.start_cursor === null ? null : String(body.start_cursor);
    const page = paginate(hits, start, parsePageSize(body.page_size as number | undefined), (r) => r.id);
    return {
      object: 'list',
      results: page.results.map((r) => (r.kind === 'page' ? w.render.page(r, ctx.version) : w.render.database(r, ctx.version))),
      next_cursor: page.next_cursor,
      has_more: page.has_more,
      // 2025-09-03 renamed the result type along with databases → data sources.
      ...(dbKind === 'data_source' ? { type: 'page_or_data_source', page_or_data_source: {} } : { type: 'page_or_database', page_or_database: {} }),
    };
  });
}
