/**
 * Where browser mode finds the built dashboard (`npm run build:renderer` → `dist/renderer/`), and
 * what it shows when there is none. Which file a path names is core/renderer-files.ts, shared with
 * the desktop window's `saldo://` scheme.
 */
import fs from 'node:fs';
import path from 'node:path';

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
