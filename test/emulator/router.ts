// Method + path pattern → handler. `:id` segments become params.
import type { RequestContext } from './context';

export type Handler = (ctx: RequestContext) => Promise<object> | object;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** The handler reads the body itself (multipart sends). */
  rawBody?: boolean;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler, opts: { rawBody?: boolean } = {}): void {
    const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}/?$`);
    this.routes.push({ method, pattern, handler, rawBody: opts.rawBody });
  }

  match(method: string, pathname: string): { route: Route; params: string[] } | undefined {
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (m && route.method === method) return { route, params: m.slice(1).map(decodeURIComponent) };
    }
    return undefined;
  }
}
