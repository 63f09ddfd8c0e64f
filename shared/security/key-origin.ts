/**
 * Where a credential may be sent: the origin rules every provider key (and later every webhook)
 * follows. A key is bound to one origin — the provider's API by default, or one named when the key
 * was given — and travels to no other. Plain `http://` is only for this computer (loopback): on any
 * other host the key would cross the network readable.
 *
 * Pure and pattern-based (shared/ has neither the DOM's nor Node's `URL`); the HTTP edge compares
 * against the WHATWG origin of the real request, so a text read differently here only ever refuses.
 */

/** OpenAI's API: the origin a key is bound to unless another was named when it was given. */
export const DEFAULT_KEY_ORIGIN = 'https://api.openai.com';

/** Scheme, host (name, dotted IPv4 or bracketed IPv6) and port; what follows is path, query, fragment. */
const AUTHORITY =
  /^(https?):\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(?=[/?#]|$)/i;
/** An API address: an origin and an optional path; no user, password, query or fragment. */
const API_URL = /^https?:\/\/[^/?#@\s]+(\/[^\s?#@]*)?$/i;
const DEFAULT_PORT: Readonly<Record<string, string>> = { http: '80', https: '443' };

export type OriginResult = { ok: true; origin: string } | { ok: false; message: string };

/** 127.0.0.0/8, ::1 and localhost: requests that never leave this computer. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

/** `https://api.openai.com` of `https://API.openai.com:443/v1`: lower case, no default port. */
export function originOf(url: string): OriginResult {
  const read = readOrigin(url);
  return read.ok ? { ok: true, origin: read.origin } : read;
}

function readOrigin(
  url: string,
): { ok: true; origin: string; host: string; secure: boolean } | { ok: false; message: string } {
  const parts = AUTHORITY.exec(url);
  if (parts === null) return { ok: false, message: 'must be an http(s) URL like https://api.openai.com/v1' };
  const scheme = parts[1]!.toLowerCase();
  const host = parts[2]!.toLowerCase();
  const port = parts[3];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return { ok: false, message: `has port ${port}; a port is 1 to 65535` };
  }
  const shown = port === undefined || String(Number(port)) === DEFAULT_PORT[scheme] ? '' : `:${Number(port)}`;
  return { ok: true, origin: `${scheme}://${host}${shown}`, host, secure: scheme === 'https' };
}

/**
 * The origin a key may be given for, or why `url` may not carry one: not an http(s) URL, a user,
 * password, query or fragment in it, or plain `http://` to a host other than this computer.
 */
export function apiOriginOf(url: string): OriginResult {
  if (!API_URL.test(url)) {
    return {
      ok: false,
      message: 'must be an http(s) URL like https://api.openai.com/v1 (no user, password or query)',
    };
  }
  const read = readOrigin(url);
  if (!read.ok) return read;
  if (!read.secure && !isLoopbackHost(read.host)) {
    return {
      ok: false,
      message:
        'must start with https:// (plain http:// is only for this computer: 127.0.0.1, ::1 or localhost), ' +
        'or the key would cross the network readable',
    };
  }
  return { ok: true, origin: read.origin };
}

/**
 * Why the key given for `keyOrigin` may not go to `url`, or null when it may: the sentence the
 * monitor, the bridge and the CLI report, in English (the dashboard and tray word it themselves).
 */
export function keyOriginRefusal(keyOrigin: string, url: string): string | null {
  const target = originOf(url);
  if (target.ok && target.origin === keyOrigin) return null;
  const where = target.ok ? target.origin : url;
  return `The key was given for ${keyOrigin}; enter it again to use it with ${where}`;
}
