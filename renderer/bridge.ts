/**
 * The renderer's one way to the main process. In the desktop app the preload exposes the contract as
 * `window.saldo`; in browser mode it is the HTTP + SSE client, authorised by the token the server
 * printed in the URL's fragment (which never reaches a server log). Either way: the same contract.
 */
import type { BridgeApi } from '../shared/bridge';
import { createHttpBridge } from './transport/http-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    saldo?: BridgeApi;
  }
}

const TOKEN_KEY = 'saldo.token';
const TOKEN_IN_HASH = /(?:^#|&)token=([A-Za-z0-9_-]+)/;

/** The token an address's fragment carries (`#token=…`, `#/spend&token=…`), or null. */
export function tokenInHash(hash: string): string | null {
  return TOKEN_IN_HASH.exec(hash)?.[1] ?? null;
}

/**
 * Takes the token out of the URL's fragment (`#token=…`, or `#/spend&token=…` to open a view), so it
 * is not left in the address bar or history; else the tab's earlier copy.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = TOKEN_IN_HASH.exec(location.hash);
  if (match !== null) {
    storage.setItem(TOKEN_KEY, match[1]!);
    const route = location.hash.replace(match[0], '').replace(/^#?&?/, '');
    history.replaceState(null, '', `${location.pathname}${location.search}#${route || '/overview'}`);
    return match[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

export type ConnectedBridge =
  | {
      ok: true;
      bridge: BridgeApi;
      /** Browser mode's token; null in the desktop app. */
      token: string | null;
      /** Stops the event stream (browser mode); the preload's bridge lives as long as the window. */
      close(): void;
    }
  | { ok: false; reason: 'no-token' };

export function connectBridge(onConnection?: (connected: boolean) => void): ConnectedBridge {
  if (window.saldo !== undefined) return { ok: true, bridge: window.saldo, token: null, close: () => {} };
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (token === null) return { ok: false, reason: 'no-token' };
  const bridge = createHttpBridge({ token, onConnection });
  return { ok: true, bridge, token, close: bridge.close };
}
