/**
 * Who may talk to the dashboard server: a browser on this machine that holds the run's token. The
 * server listens on 127.0.0.1 only, but that alone does not keep other web pages out — a page on any
 * site can make the browser send requests to 127.0.0.1 — so three checks stand before anything:
 * the Host header (a DNS-rebinding page arrives under its own host name), the Origin header (a
 * foreign page's fetch says where it comes from), and the bearer token (only the page that was
 * given the URL's fragment has it). Every response carries headers that keep the page from being
 * framed, sniffed, or leaking its URL.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';

/** 32 random bytes, URL-safe: the run's only credential. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host values a browser on this machine sends to the server: the loopback address or `localhost`. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  return lower === `127.0.0.1:${port}` || lower === `localhost:${port}`;
}

/** No Origin (a same-origin GET, curl) or exactly the server's own origin as the page knows it. */
export function originAllowed(origin: string | undefined, host: string): boolean {
  return origin === undefined || origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

/**
 * `Authorization: Bearer <token>`, compared in constant time. Both sides are hashed first, so the
 * comparison takes the same time whatever the length of what was sent.
 */
export function bearerMatches(headers: IncomingHttpHeaders, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(headers.authorization ?? '');
  const sent = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(sent, expected) && match !== null;
}

/** On every response, whatever it is. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** HTML pages also get the CSP, and are never cached (index.html names the current assets). */
export const HTML_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cache-Control': 'no-store',
};
