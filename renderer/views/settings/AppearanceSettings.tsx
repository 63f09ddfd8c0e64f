/**
 * Language, theme and launch at login (ux.md §1 Settings 4): each applies as soon as it is chosen,
 * and the whole UI follows the next snapshot. Launch at login exists only in the desktop app.
 */
import type { ReactNode } from 'react';
import type { Settings } from '../../../shared/settings/settings-schema';
import { useMessages } from '../../app-context';
import { Checkbox } from '../../components/Checkbox';
import { RadioGroup } from '../../components/RadioGroup';
import { settingsMessages } from '../../i18n/messages/settings';
import { useInstantSetting } from './useInstantSetting';

export function AppearanceSettings() {
  const { appearance: m } = useMessages(settingsMessages);
  const language = useInstantSetting('language');
  const theme = useInstantSetting('theme');
  const launch = useInstantSetting('launchAtLogin');
  // The browser mode has no preload, so nothing there can register a login item.
  const desktop = window.saldo !== undefined;

  return (
    <>
      <WithError error={language.error}>
        <RadioGroup<Settings['language']>
          label={m.language}
          options={[
            { value: 'en', label: m.languages.en },
            { value: 'nl', label: m.languages.nl },
          ]}
          value={language.value}
          onChange={(value) => void language.change(value)}
        />
      </WithError>
      <WithError error={theme.error}>
        <RadioGroup<Settings['theme']>
          label={m.theme}
          options={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: m.themes[value] }))}
          value={theme.value}
          onChange={(value) => void theme.change(value)}
        />
      </WithError>
      <Checkbox
        label={m.launchAtLogin}
        checked={launch.value}
        onChange={(value) => void launch.change(value)}
        disabled={!desktop}
        hint={desktop ? undefined : m.desktopOnly}
        error={launch.error}
      />
    </>
  );
}

/** A radio group's server error, right under it. */
function WithError({ error, children }: { error: string | null; children: ReactNode }) {
  return (
    <>
      {children}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
