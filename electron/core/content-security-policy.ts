/**
 * The dashboard's Content Security Policy: the page loads only its own files, talks only to its own
 * origin, and cannot be framed. Browser mode sends it as a header; the desktop app loads the page
 * from disk, where renderer/index.html's meta tag carries it (a meta tag cannot carry
 * `frame-ancestors`, and Electron's window cannot be framed anyway). A test keeps the two equal.
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
