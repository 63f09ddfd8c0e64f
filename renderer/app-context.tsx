/**
 * What every view needs: the snapshot, the bridge, the UI language and navigation. Views read it
 * with `useApp()` and their words with `useMessages(catalogue)`.
 */
import { createContext, useContext } from 'react';
import type { BridgeApi, DashboardState } from '../shared/bridge';
import type { Language } from './i18n/format';
import type { Catalogue } from './i18n/messages';
import type { commonMessages } from './i18n/messages/common';
import type { ViewName } from '../shared/bridge/views';

export { VIEWS, type ViewName } from '../shared/bridge/views';

/** Each view's word in the common catalogue's `nav`: the menu and every link to a view name it so. */
export const NAV_KEY: Record<ViewName, keyof (typeof commonMessages)['en']['nav']> = {
  overview: 'overview',
  spend: 'spend',
  credits: 'credits',
  'auto-recharge': 'autoRecharge',
  alerts: 'alerts',
  settings: 'settings',
};

export interface AppContextValue {
  state: DashboardState;
  bridge: BridgeApi;
  language: Language;
  navigate(view: ViewName): void;
  /** Fetches a fresh snapshot (the server also pushes one after every change). */
  reload(): Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}

export function useMessages<T>(messages: Catalogue<T>): T {
  return messages[useApp().language];
}
