// The request pipeline: log entry and request id, armed faults, latency, Notion-Version,
// auth, rate limit, route, JSON body, handler, envelope.
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import { readJsonBody } from './body';
import type { RequestContext } from './context';
import { serveDownload } from './downloads';
import { PAGE_VIEW_PATH, servePageView } from './pageView';
import { serveSample } from './samples';
import { DEFAULT_CODE_FOR_STATUS, NotionError } from './errors';
import type { Faults, FaultSpec } from './faults';
import { newId } from './ids';
import type { RateLimiter } from './rateLimiter';
import type { RequestLogEntry } from './requestLog';
import { sendError, sendJson } from './respond';
import type { Router } from './router';
import { checkVersion } from './versions';
import type { World } from './world';

export interface Pipeline {
  world: World;
  router: Router;
  faults: Faults;
  limiter: RateLimiter;
  log: RequestLogEntry[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads the whole request body, discarding it. */
function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete) return resolve();
    req.on('end', resolve);
    req.on('close', resolve);
    req.resume();
  });
}

const hasBody = (req: http.IncomingMessage) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

type Done = (status: number, code?: string) => void;

async function applyFault(f: FaultSpec, req: http.IncomingMessage, res: http.ServerResponse, entry: RequestLogEntry, done: Done): Promise<boolean> {
  if (f.hang) {
    entry.fault = 'hang';
    req.resume(); // take the body, never answer (until close)
    return true;
  }
  if (f.dropConnection) {
    entry.fault = 'dropConnection';
    if (!hasBody(req)) return false; // the handler runs and its response is cut mid-body
    await new Promise<void>((resolve) => {
      req.once('data', () => resolve());
      req.once('end', () => resolve());
    });
    req.socket.destroy();
    return true;
  }
  entry.fault = 'status';
  await drain(req);
  const status = f.status!;
  const headers: Record<string, string> = f.retryAfterSeconds !== undefined ? { 'retry-after': String(f.retryAfterSeconds) } : {};
  const code = f.code ?? DEFAULT_CODE_FOR_STATUS[status] ?? 'internal_server_error';
  done(status, code);
  sendError(res, new NotionError(status, code, f.message ?? `Injected fault: ${status} ${code}.`, headers), entry.requestId);
  return true;
}

async function handle(p: Pipeline, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const w = p.world;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const requestId = newId();
  const entry: RequestLogEntry = { method: req.method ?? 'GET', path: url.pathname, query: url.search, status: 0, requestId, durationMs: 0 };
  const started = performance.now();
  const done: Done = (status, code) => {
    entry.status = status;
    if (code) entry.code = code;
    entry.durationMs = performance.now() - started;
  };
  p.log.push(entry);
  // A cancelled request: the connection closed before the whole answer was written.
  res.once('close', () => {
    if (!res.writableFinished) entry.abandoned = true;
  });

  const fault = p.faults.take(entry.method, url.pathname);
  if (fault && (await applyFault(fault, req, res, entry, done))) return;
  const drop = fault?.dropConnection === true;
  if (w.settings.latencyMs > 0) await sleep(w.settings.latencyMs);

  // Emulator conveniences outside the API (/v1/): a page's HTML view, the sandbox's sample files.
  if (PAGE_VIEW_PATH.test(url.pathname)) {
    servePageView(w, req, res, url);
    done(res.statusCode);
    return;
  }
  if (url.pathname.startsWith('/samples/')) {
    serveSample(w, req, res, url);
    done(res.statusCode);
    return;
  }

  if (url.pathname.startsWith('/files/')) {
    await serveDownload(w, req, res, url, drop);
    done(res.statusCode);
    return;
  }

  try {
    const version = checkVersion(req.headers['notion-version']);
    entry.version = version;
    const { bot, token } = w.bots.authenticate(req.headers.authorization);
    entry.botId = bot.id;
    const wait = p.limiter.take(token);
    if (wait > 0) {
      throw new NotionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.', { 'retry-after': String(wait) });
    }
    const match = p.router.match(entry.method, url.pathname);
    if (!match) throw new NotionError(400, 'invalid_request_url', 'Invalid request URL.');
    const ctx: RequestContext = { req, res, url, requestId, version, bot, params: match.params, dropResponse: drop, body: undefined, log: entry };
    if (!match.route.rawBody) ctx.body = entry.body = await readJsonBody(req);
    const result = await match.route.handler(ctx);
    done(200);
    sendJson(res, 200, result, requestId, { drop });
  } catch (e) {
    const err = e instanceof NotionError ? e : new NotionError(500, 'internal_server_error', 'Unexpected error in the Notion emulator.');
    if (!(e instanceof NotionError)) console.error('[notion-emulator]', e);
    done(err.status, err.code);
    if (res.headersSent || res.destroyed) return;
    // Refusals can come before the body was read (e.g. 401 on a send): drain so the client
    // gets the response on a healthy connection.
    await drain(req);
    sendError(res, err, requestId, drop);
  }
}

export function createHttpServer(p: Pipeline): http.Server {
  const server = http.createServer({ keepAlive: true, keepAliveTimeout: 5000, requestTimeout: 0 }, (req, res) => {
    handle(p, req, res).catch((e) => {
      console.error('[notion-emulator]', e);
      res.destroy();
    });
  });
  return server;
}
