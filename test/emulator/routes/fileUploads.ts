// /v1/file_uploads routes.
import type { Router } from '../router';
import { handleSend } from '../uploads/send';
import { renderUpload, type UploadRecord } from '../uploads/record';
import { parseCreate } from '../uploads/validateCreate';
import type { World } from '../world';
import type { RequestContext } from '../context';
import { validation } from '../errors';
import { ImportFailure, type ProbeResult } from '../importer';

export function fileUploadRoutes(router: Router, w: World): void {
  const render = (ctx: RequestContext, r: UploadRecord) => renderUpload(r, w.clock, ctx.version, w.settings.uploadUrlBase ?? w.settings.baseUrl);

  router.add('POST', '/v1/file_uploads', async (ctx) => {
    const req = parseCreate(ctx.body, ctx.bot, w.settings.allowHttpImports, w.uploads.docRules);
    let probed: ProbeResult | undefined;
    if (req.mode === 'external_url' && w.settings.importChecksAtCreate) {
      // Notion's guide: the HEAD check's refusals are a 400 from this call.
      try {
        probed = await w.importer.probe(ctx.bot, req.externalUrl!, req.filename);
      } catch (e) {
        throw e instanceof ImportFailure ? validation(e.message) : e;
      }
    }
    const r = w.uploads.create(ctx.bot, req);
    if (r.mode === 'external_url') w.importer.start(ctx.bot, r, probed);
    return render(ctx, r);
  });

  router.add('GET', '/v1/file_uploads', (ctx) => {
    const page = w.uploads.list(ctx.bot, ctx.url.searchParams);
    return {
      object: 'list',
      results: page.results.map((r) => render(ctx, r)),
      next_cursor: page.next_cursor,
      has_more: page.has_more,
      type: 'file_upload',
      file_upload: {},
    };
  });

  router.add('GET', '/v1/file_uploads/:id', (ctx) => render(ctx, w.uploads.get(ctx.bot, ctx.params[0])));

  router.add('POST', '/v1/file_uploads/:id/send', async (ctx) => render(ctx, await handleSend(ctx, w.uploads, ctx.bot, ctx.params[0])), {
    rawBody: true,
  });

  router.add('POST', '/v1/file_uploads/:id/complete', async (ctx) => {
    const r = w.uploads.get(ctx.bot, ctx.params[0]);
    await w.uploads.complete(ctx.bot, r);
    return render(ctx, r);
  });
}
