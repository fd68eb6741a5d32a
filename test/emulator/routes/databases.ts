// GET /v1/data_sources/{id} (2025-09-03 and later: the schema) and GET /v1/databases/{id}
// (2022-06-28: the schema; later versions: the database with its `data_sources` list).
// The emulator gives each database one data source with the database's own id.
import { validation } from '../errors';
import type { Router } from '../router';
import { plainText } from '../workspace/richText';
import type { World } from '../world';

export function databaseRoutes(router: Router, w: World): void {
  router.add('GET', '/v1/data_sources/:id', (ctx) => {
    if (ctx.version < '2025-09-03') throw validation(`Data sources need Notion-Version 2025-09-03 or later (this request uses ${ctx.version}).`);
    return w.render.database(w.workspace.find(ctx.bot, ctx.params[0], ['database'], 'data_source'), ctx.version);
  });

  router.add('GET', '/v1/databases/:id', (ctx) => {
    const db = w.workspace.find(ctx.bot, ctx.params[0], ['database'], 'database');
    if (ctx.version < '2025-09-03') return w.render.database(db, ctx.version);
    const { properties: _schema, ...rest } = w.render.database(db, ctx.version);
    return { ...rest, object: 'database', data_sources: [{ id: db.id, name: plainText(db.title) }] };
  });
}
