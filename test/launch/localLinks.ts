// The VS Code server's workbench rewrites a link to 127.0.0.1:<port> (a file the emulator
// serves, its page view) into its proxy template, by default <server>/proxy/<port>/…, a route
// only code-server's own wrapper serves: this bare server answers "Not found.". This small
// server takes the template's place and sends the browser on to 127.0.0.1:<port>/…, unchanged.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalLinks {
  /** For VSCODE_PROXY_URI: the workbench fills in {{port}}. */
  template: string;
  close(): Promise<void>;
}

/** Where /proxy/<port>/<rest> leads: the same path and query on 127.0.0.1:<port>, or undefined. */
export function localTarget(requestUrl: string): string | undefined {
  const m = /^\/proxy\/(\d{1,5})(\/.*)?$/.exec(requestUrl);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) return undefined;
  return `http://127.0.0.1:${m[1]}${m[2] ?? '/'}`;
}

export async function startLocalLinks(): Promise<LocalLinks> {
  const server = http.createServer((req, res) => {
    const to = localTarget(req.url ?? '');
    res.writeHead(to ? 307 : 404, to ? { location: to } : { 'content-type': 'text/plain' });
    res.end(to ? undefined : 'Not a link to this machine.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    template: `http://127.0.0.1:${port}/proxy/{{port}}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
