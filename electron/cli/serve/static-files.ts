/**
 * The built dashboard (`npm run build:renderer` → `dist/renderer/`) as static files: a path maps to
 * a file inside that folder or to nothing — never outside it, whatever `..`, encoded slashes or
 * symbolic links it holds — and anything else is the single-page app's index.html.
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

/**
 * The folder holding `package.json` above `from`: the checkout, whether Saldo runs from
 * `bin/saldo.cjs`, from tests or from an installed package.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('no package.json above the Saldo sources');
  }
}

/** Where `vite build` puts the dashboard. */
export function rendererDir(root: string = packageRoot()): string {
  return path.join(root, 'dist', 'renderer');
}

export const BUILD_HINT =
  'The dashboard is not built yet: run npm run build:renderer, then reload this page.';

/** The page shown when there is no build: plain HTML, no script, no style. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Saldo</title></head>
<body><h1>Saldo</h1><p>${BUILD_HINT}</p></body>
</html>
`;

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
