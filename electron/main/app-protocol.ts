/**
 * The dashboard's files under Saldo's own scheme, `saldo://app/…`, served by main. Not `file://`:
 * with the GrantFileProtocolExtraPrivileges fuse off (electron-builder.yml), a page from `file://`
 * is a plain browser page of origin `null`, and Chromium refuses its module scripts (Vite's build)
 * by CORS — the window would stay blank. A standard, secure scheme gives the page a real origin, so
 * `'self'` in the CSP means its own files, and each answer carries the CSP as a header too.
 */
import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { contentTypeOf, resolveStatic } from '../core/renderer-files';
import type { ElectronEdge } from './electron-edge';

export const APP_SCHEME = 'saldo';
const APP_HOST = 'app';
/** The window's page. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must be told to Electron before `ready`: a scheme's privileges are fixed at start-up. */
export function registerAppScheme(electron: Pick<ElectronEdge, 'protocol'>): void {
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererDir` under the scheme (after `ready`). */
export function serveAppFiles(electron: Pick<ElectronEdge, 'protocol'>, rendererDir: string): void {
  electron.protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

/**
 * The answer for one `saldo://app/…` address: a file of the build, index.html, or 404. Read without
 * blocking: this runs on main's thread, which also draws the tray and menus.
 */
export async function rendererResponse(rendererDir: string, address: string): Promise<Response> {
  const url = new URL(address);
  const target =
    url.host === APP_HOST ? resolveStatic(rendererDir, url.pathname) : { kind: 'elsewhere' as const };
  if (target.kind !== 'file' && target.kind !== 'index') return new Response('Not found', { status: 404 });
  return new Response(await fs.promises.readFile(target.file), {
    headers: {
      'Content-Type': contentTypeOf(target.file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
