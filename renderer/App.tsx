/**
 * The dashboard shell: connects the bridge, keeps the snapshot, applies language and theme, and
 * shows one view at a time with the navigation and the sync footer around it.
 */
import { useEffect, useMemo, useSyncExternalStore, type ComponentType } from 'react';
import type { BridgeApi } from '../shared/bridge';
import { AppContext, NAV_KEY, VIEWS, type AppContextValue, type ViewName } from './app-context';
import { SyncFooter } from './components/SyncFooter';
import { commonMessages } from './i18n/messages/common';
import type { DashboardStore } from './state/dashboard-store';
import { initialLanguage, useAppearance } from './use-appearance';
import { useConnection } from './use-connection';
import { useRoute } from './use-route';
import { AlertsView } from './views/Alerts';
import { AutoRechargeView } from './views/AutoRecharge';
import { CreditsView } from './views/Credits';
import { OverviewView } from './views/Overview';
import { SettingsView } from './views/Settings';
import { SpendView } from './views/Spend';

const VIEW_COMPONENTS: Record<ViewName, ComponentType> = {
  overview: OverviewView,
  spend: SpendView,
  credits: CreditsView,
  'auto-recharge': AutoRechargeView,
  alerts: AlertsView,
  settings: SettingsView,
};

/** Browser mode without a token gets an explanation instead of a broken page. */
export function App() {
  const connection = useConnection();
  if (connection === null) {
    return <Notice text={commonMessages[initialLanguage()].noToken} />;
  }
  return <Dashboard bridge={connection.bridge} store={connection.store} />;
}

function Notice({ text, action }: { text: string; action?: { label: string; run(): void } }) {
  return (
    <main className="notice" id="main">
      <h1>Saldo</h1>
      <p role="status">{text}</p>
      {action ? (
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
      ) : null}
    </main>
  );
}

export function Dashboard({ bridge, store }: { bridge: BridgeApi; store: DashboardStore }) {
  const view = useSyncExternalStore(store.subscribe, store.get);
  const [route, navigate] = useRoute();
  // The desktop app's notifications and tray open a view in a window that may already show another.
  useEffect(() => bridge.on('app:open-view', navigate), [bridge, navigate]);
  useAppearance(view.state?.settings ?? null);
  const language = view.state?.settings.language ?? initialLanguage();
  const m = commonMessages[language];
  const context = useMemo<AppContextValue | null>(
    () =>
      view.state === null ? null : { state: view.state, bridge, language, navigate, reload: store.reload },
    [view.state, bridge, language, navigate, store],
  );

  if (context === null) {
    return view.status === 'error' ? (
      <Notice
        text={m.loadFailed(view.error ?? '')}
        action={{ label: m.tryAgain, run: () => void store.reload() }}
      />
    ) : (
      <Notice text={m.connecting} />
    );
  }

  const Current = VIEW_COMPONENTS[route];
  return (
    <AppContext.Provider value={context}>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <div className="shell">
        <header className="shell__header">
          <span className="shell__brand">
            {m.appName}
            {context.state.backend.name === 'demo' ? (
              <span className="badge badge--demo" title={m.demoExplained}>
                {m.demoBadge}
              </span>
            ) : null}
          </span>
          <nav aria-label={m.nav.label}>
            <ul className="shell__nav">
              {VIEWS.map((name) => (
                <li key={name}>
                  <a href={`#/${name}`} aria-current={name === route ? 'page' : undefined}>
                    {m.nav[NAV_KEY[name]]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {view.connected ? null : (
          <p className="banner banner--warning" role="status">
            {m.connectionLost}
          </p>
        )}
        <main id="main" className="shell__main" tabIndex={-1}>
          <Current />
        </main>
        <SyncFooter />
      </div>
    </AppContext.Provider>
  );
}
