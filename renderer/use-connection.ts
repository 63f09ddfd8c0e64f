/**
 * The dashboard's connection: the bridge and the store of its snapshot. In browser mode a tab that
 * is already open (showing "this page needs the address Saldo printed", or connected with the token
 * of an earlier run) connects with the token of a printed address opened in it, without a reload:
 * opening an address that differs only after `#` changes the hash, it does not load the page.
 */
import { useEffect, useRef, useState } from 'react';
import type { BridgeApi } from '../shared/bridge';
import { connectBridge, takeToken, tokenInHash } from './bridge';
import { createDashboardStore, type DashboardStore } from './state/dashboard-store';

export interface Connection {
  bridge: BridgeApi;
  store: DashboardStore;
  token: string | null;
  close(): void;
}

function connect(): Connection | null {
  let store: DashboardStore | null = null;
  const connected = connectBridge((up) => store?.setConnected(up));
  if (!connected.ok) return null;
  const opened = createDashboardStore(connected.bridge);
  store = opened;
  return {
    bridge: connected.bridge,
    store: opened,
    token: connected.token,
    close: () => {
      opened.close();
      connected.close();
    },
  };
}

/** The current connection; null while browser mode has no token. */
export function useConnection(): Connection | null {
  const [connection, setConnection] = useState(connect);
  const current = useRef(connection);
  useEffect(() => {
    if (window.saldo !== undefined) return;
    const onHash = () => {
      const token = tokenInHash(window.location.hash);
      if (token === null) return;
      if (token === current.current?.token) {
        // The same link again: only take the token out of the address.
        takeToken(window.location, window.sessionStorage, window.history);
        return;
      }
      current.current?.close();
      current.current = connect();
      setConnection(current.current);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return connection;
}
