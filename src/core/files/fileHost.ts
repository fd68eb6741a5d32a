// Requests to file hosts (Notion's signed-URL storage, external links): a connection pool of
// our own, separate from the API's, so these requests never carry the API's headers, and
// independent of the process-wide undici dispatcher (an extension host's may be another
// undici version with other options).
import { Agent, request, type Dispatcher } from 'undici';

let agent: Agent | undefined;

function fileAgent(): Agent {
  if (!agent || agent.closed || agent.destroyed) {
    agent = new Agent({ maxRedirections: 5, connections: 4, keepAliveTimeout: 10_000, headersTimeout: 60_000, bodyTimeout: 60_000 });
  }
  return agent;
}

/** GET a file URL (no credentials, redirects followed). The caller consumes or dumps the body. */
export function getFile(url: string, opts: { signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<Dispatcher.ResponseData> {
  return request(url, { method: 'GET', signal: opts.signal, headers: opts.headers, dispatcher: fileAgent() });
}

/**
 * Whether the file host serves the link right now: a one-byte ranged GET (a signed GET URL
 * does not accept HEAD). Undefined when the host could not be reached.
 */
export async function probeLink(url: string, signal?: AbortSignal): Promise<number | undefined> {
  try {
    const res = await getFile(url, { signal, headers: { range: 'bytes=0-0' } });
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
