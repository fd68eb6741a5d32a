// Where a file download may be redirected: only https to public addresses. A link can point
// anywhere, and a redirect to loopback, a private network or link-local (cloud metadata at
// 169.254.169.254) would read what is only reachable from this machine. Loopback (and http
// to it) is allowed only when the API base itself is loopback: the sandbox and the tests.
import * as l10n from '@vscode/l10n';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ExpectedError } from '../expectedError';
import { redactUrl } from '../notion/redact';

/** Redirects followed per download before giving up. */
export const MAX_REDIRECTS = 5;

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Non-public ranges (RFC 6890 special-purpose), by what they are called in the refusal. */
const NOT_PUBLIC: [string, BlockList][] = (
  [
    ['a private network address', [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['fc00::', 7, 'ipv6']]],
    ['a link-local address (such as cloud metadata)', [['169.254.0.0', 16], ['fe80::', 10, 'ipv6']]],
    ['an unspecified, multicast or reserved address', [['0.0.0.0', 8], ['224.0.0.0', 4], ['240.0.0.0', 4], ['::', 128, 'ipv6'], ['ff00::', 8, 'ipv6']]],
  ] as [string, [string, number, string?][]][]
).map(([name, nets]) => {
  const list = new BlockList();
  for (const [net, prefix, type] of nets) list.addSubnet(net, prefix, (type ?? 'ipv4') as 'ipv4' | 'ipv6');
  return [name, list];
});

/** A redirect the download did not follow; the message names where it led and why. */
export class RedirectRefusedError extends ExpectedError {
  override readonly name = 'RedirectRefusedError';
  readonly url: string;
  constructor(url: string, readonly reason: string) {
    super(l10n.t('The download was redirected to {0}, which is not followed: {1}. Only https links to public addresses are.', redactUrl(url), reason));
    this.url = redactUrl(url);
  }
}

/** Why `address` may not be fetched, or undefined when it is public (or loopback, when allowed). */
export function addressProblem(address: string, allowLoopback: boolean): string | undefined {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return addressProblem(mapped[1], allowLoopback);
  if (LOOPBACK.check(address, family)) return allowLoopback ? undefined : 'a loopback address (this machine)';
  for (const [name, list] of NOT_PUBLIC) if (list.check(address, family)) return name;
  return undefined;
}

/** Throws RedirectRefusedError unless `url` is https to public addresses (or loopback when allowed). */
export async function checkRedirect(url: string, allowLoopback: boolean): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RedirectRefusedError(url, 'not a valid URL');
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => []);
  if (!addresses.length) throw new RedirectRefusedError(url, l10n.t('its host {0} could not be resolved', host));
  for (const a of addresses) {
    const problem = addressProblem(a, allowLoopback);
    if (problem) throw new RedirectRefusedError(url, `${host} is ${problem} (${a})`);
  }
  // Plain http only to the local emulator (loopback allowed and nothing but loopback).
  const loopbackOnly = addresses.every((a) => addressProblem(a, false) !== undefined);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && allowLoopback && loopbackOnly)) {
    throw new RedirectRefusedError(url, l10n.t('it is {0}, not https', u.protocol.replace(':', '')));
  }
}

/** True for an http(s) base URL on loopback (the local emulator): its file links may redirect there. */
export function isLoopbackBase(baseUrl: string | undefined): boolean {
  if (!baseUrl) return false;
  try {
    const h = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || (isIP(h) !== 0 && addressProblem(h, false) === 'a loopback address (this machine)');
  } catch {
    return false;
  }
}
