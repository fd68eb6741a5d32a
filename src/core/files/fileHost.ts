// Requests to file hosts (Notion's signed-URL storage, external links): a connection pool of
// our own, separate from the API's, so these requests never carry the API's headers, and
// independent of the process-wide undici dispatcher (an extension host's may be another
// undici version with other options). Redirects are followed here, one hop at a time, only
// where redirectPolicy.ts allows.
import * as l10n from '@vscode/l10n';
import { Agent, request, type Dispatcher } from 'undici';
import { checkRedirect, MAX_REDIRECTS, RedirectRefusedError } from './redirectPolicy';

let agent: Agent | undefined;

function fileAgent(): Agent {
  if (!agent || agent.closed || agent.destroyed) {
    agent = new Agent({ connections: 4, keepAliveTimeout: 10_000, headersTimeout: 60_000, bodyTimeout: 60_000 });
  }
  return agent;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface GetFileOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Follow redirects to loopback too (the API base is loopback: the sandbox, tests). */
  allowLoopback?: boolean;
}

/** GET a file URL (no credentials; redirects followed only to https public addresses). The caller consumes or dumps the body. */
export async function getFile(url: string, opts: GetFileOptions = {}): Promise<Dispatcher.ResponseData> {
  let current = url;
  for (let hops = 0; ; hops++) {
    const res = await request(current, { method: 'GET', signal: opts.signal, headers: opts.headers, dispatcher: fileAgent() });
    const location = res.headers.location;
    if (!REDIRECT_STATUSES.has(res.statusCode) || typeof location !== 'string') return res;
    await res.body.dump().catch(() => undefined);
    const next = new URL(location, current).toString();
    if (hops >= MAX_REDIRECTS) throw new RedirectRefusedError(next, l10n.t('more than {0} redirects', MAX_REDIRECTS));
    await checkRedirect(next, opts.allowLoopback ?? false);
    current = next;
  }
}

/**
 * Whether the file host serves the link right now: a one-byte ranged GET (a signed GET URL
 * does not accept HEAD). Undefined when the host could not be reached.
 */
export async function probeLink(url: string, signal?: AbortSignal, allowLoopback = false): Promise<number | undefined> {
  try {
    const res = await getFile(url, { signal, headers: { range: 'bytes=0-0' }, allowLoopback });
    await res.body.dump().catch(() => undefined);
    return res.statusCode;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return undefined;
  }
}

/** Closes the file-host connections (extension deactivation, end of a test run). */
export async function closeFileHostConnections(): Promise<void> {
  const a = agent;
  agent = undefined;
  await a?.close();
}
