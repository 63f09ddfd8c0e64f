/**
 * Notifications (ux.md §1 Settings 4, §4): sound on or off, the balance in the macOS menu bar, and a
 * test notification so the user sees what a warning looks like — and whether the OS lets Saldo show
 * one — before it matters. Only the desktop app shows notifications.
 */
import { useId } from 'react';
import { useApp, useMessages } from '../../app-context';
import { Checkbox } from '../../components/Checkbox';
import { FormFeedback } from '../../components/FormFeedback';
import { useSubmission } from '../../components/useSubmission';
import { settingsMessages } from '../../i18n/messages/settings';
import { useInstantSetting } from './useInstantSetting';

export function NotificationSettings() {
  const { bridge } = useApp();
  const { notifications: m, appearance } = useMessages(settingsMessages);
  const sound = useInstantSetting('notificationSound');
  const trayTitle = useInstantSetting('trayTitle');
  const submission = useSubmission();
  const testHintId = useId();
  // Browser mode has no tray and no notifications of its own.
  const desktop = window.saldo !== undefined;
  const hint = desktop ? undefined : appearance.desktopOnly;

  return (
    <>
      <p>{m.explain}</p>
      <Checkbox
        label={m.sound}
        checked={sound.value}
        onChange={(value) => void sound.change(value)}
        disabled={!desktop}
        hint={hint}
        error={sound.error}
      />
      <Checkbox
        label={m.trayTitle}
        checked={trayTitle.value}
        onChange={(value) => void trayTitle.change(value)}
        disabled={!desktop}
        hint={hint}
        error={trayTitle.error}
      />
      <div className="form-actions">
        <button
          type="button"
          onClick={() =>
            void submission.run(
              () => bridge.call('notifications:test', {}),
              [],
              () => m.sent,
            )
          }
          disabled={!desktop || submission.busy}
          aria-busy={submission.busy}
          aria-describedby={desktop ? undefined : testHintId}
        >
          {m.test}
        </button>
      </div>
      {desktop ? null : (
        <p id={testHintId} className="field__hint">
          {hint}
        </p>
      )}
      <FormFeedback submission={submission} />
    </>
  );
}
