/**
 * The dashboard's Content Security Policy: the page loads only its own files, talks only to its own
 * origin, and cannot be framed. Browser mode and the desktop window's `saldo://` scheme both send it
 * as a header; renderer/index.html's meta tag carries it too (a meta tag cannot carry
 * `frame-ancestors`), so the page holds to it however it is opened. A test keeps the two equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
