/**
 * The built dashboard as files: a URL path maps to a file inside the build folder or to nothing —
 * never outside it, whatever `..`, encoded slashes or symbolic links it holds — and anything else is
 * the single-page app's index.html. Browser mode serves it over HTTP (cli/serve), the desktop window
 * over its own `saldo://` scheme (main/app-protocol.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget =
  /** A file to send. */
  | { kind: 'file'; file: string }
  /** The single-page app's entry (also for paths that name no file). */
  | { kind: 'index'; file: string }
  /** There is no build at all. */
  | { kind: 'not-built' }
  /** The path cannot be decoded. */
  | { kind: 'bad-path' };

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * What `pathname` (the URL's path, still percent-encoded) names under `root`. A file is served only
 * when its real path (symbolic links followed) lies inside the real root, and no part of the path is
 * hidden (`.git`, `.env`).
 */
export function resolveStatic(root: string, pathname: string): StaticTarget {
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { kind: 'not-built' };
  }
  const index = path.join(realRoot, 'index.html');
  if (!isFile(index)) return { kind: 'not-built' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-path' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-path' };
  const parts = decoded.split(/[/\\]+/).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part.startsWith('.'))) return { kind: 'index', file: index };
  const candidate = path.resolve(realRoot, ...parts);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return { kind: 'index', file: index };
  }
  if (!real.startsWith(realRoot + path.sep) || !isFile(real)) return { kind: 'index', file: index };
  return { kind: 'file', file: real };
}
