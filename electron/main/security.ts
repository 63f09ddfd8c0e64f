/**
 * SECURITY BASELINE — every guard the desktop app puts around its renderer, in one place and pinned
 * by test/electron/main/security.test.ts (Electron's security checklist, docs/tutorial/security.md):
 * an isolated, sandboxed renderer without Node, served from saldo://app (app-protocol.ts) with its CSP
 * as a header and in renderer/index.html; no navigation and no
 * new windows; external links only to OpenAI's own https pages, opened in the user's browser; every
 * permission request denied; no remote content (the page loads from the app's own files, and any
 * other request is cancelled). The
 * installer's Electron fuses (electron-builder.yml) close the rest: no ELECTRON_RUN_AS_NODE, no
 * --inspect, the app only from its integrity-checked asar.
 */
import type { WebPreferences } from 'electron';
import { OPENAI_PAGES } from '../../shared/openai-pages';
import { APP_SCHEME } from './app-protocol';
import type { SessionEdge, WebContentsEdge } from './electron-edge';

/** The window's webPreferences, bar the preload's path. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

export function secureWebPreferences(preload: string): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload };
}

/**
 * Where a link may take the user: OpenAI's platform (billing, limits, keys) and help pages. The
 * hosts come from the pages the views link to, so a new link cannot be forgotten here.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  ...Object.values(OPENAI_PAGES).map((page) => new URL(page).host),
  'help.openai.com',
]);

/** https, an allowed host, the default port, no credentials in the address. */
export function isAllowedExternal(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    EXTERNAL_HOSTS.has(url.host) &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export interface GuardOptions {
  /** The user's browser (`shell.openExternal`); only ever given an allowed address. */
  openExternal(address: string): void;
}

/**
 * The page may not go anywhere: navigation, redirects, new windows and webviews are refused. A link
 * to an allowed OpenAI page opens in the user's browser instead.
 */
export function guardContents(contents: WebContentsEdge, options: GuardOptions): void {
  const outward = (address: string) => {
    if (isAllowedExternal(address)) options.openExternal(address);
  };
  contents.on('will-navigate', (event, address) => {
    event.preventDefault();
    outward(address);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    outward(url);
    return { action: 'deny' };
  });
}

/**
 * No remote content: the page may load its own files from saldo://app (in development, the dev
 * server), nothing from the network and nothing else from the disk — even if a bug let a URL into
 * the page, the request goes nowhere.
 */
export function blockRemoteRequests(session: SessionEdge, devServer: string | null): void {
  const devOrigin = devServer === null ? null : new URL(devServer).origin;
  session.webRequest.onBeforeRequest(({ url }, callback) => {
    const { protocol, origin } = new URL(url);
    const local = protocol === `${APP_SCHEME}:` || protocol === 'data:' || protocol === 'devtools:';
    const dev = devOrigin !== null && (origin === devOrigin || origin === devOrigin.replace(/^http/, 'ws'));
    callback({ cancel: !(local || dev) });
  });
}

/** Saldo needs no camera, notifications from the page, clipboard reads or anything else a page may ask. */
export function denyPermissions(session: SessionEdge): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
