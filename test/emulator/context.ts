// What a handler knows about the request it serves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from './bots';
import type { RequestLogEntry } from './requestLog';
import type { NotionVersion } from './versions';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  version: NotionVersion;
  bot: Bot;
  params: string[];
  /** Set by a dropConnection fault on a bodiless request: cut the response mid-body. */
  dropResponse: boolean;
  /** This request's log entry (handlers add what they learn from a raw body). */
  log: RequestLogEntry;
  /** The parsed JSON body (undefined for bodiless or raw routes). */
  body: unknown;
}
