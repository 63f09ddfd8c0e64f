/**
 * A setting that applies as soon as it is chosen (language, theme, launch at login, notifications). The choice shows
 * at once; the snapshot that follows `settings:update` is the truth, so a failed update falls back.
 */
import { useState } from 'react';
import type { Settings } from '../../../shared/settings/settings-schema';
import { useApp } from '../../app-context';

type InstantKey = 'language' | 'theme' | 'launchAtLogin' | 'notificationSound' | 'trayTitle';

export interface InstantSetting<K extends InstantKey> {
  value: Settings[K];
  change(value: Settings[K]): Promise<void>;
  error: string | null;
}

export function useInstantSetting<K extends InstantKey>(key: K): InstantSetting<K> {
  const { state, bridge } = useApp();
  const current = state.settings[key];
  // The choice holds only while the snapshot still shows what it replaced.
  const [choice, setChoice] = useState<{ value: Settings[K]; over: Settings[K] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function change(value: Settings[K]) {
    setChoice({ value, over: current });
    setError(null);
    const answer = await bridge.call('settings:update', { [key]: value });
    if (!answer.ok) {
      setChoice(null);
      setError(answer.error.message);
    }
  }

  return { value: choice !== null && choice.over === current ? choice.value : current, change, error };
}
