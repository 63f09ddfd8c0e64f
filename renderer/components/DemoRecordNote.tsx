/**
 * Where the user records something (a purchase, a correction, auto-recharge) on the demo account:
 * it goes to the demo, not to their OpenAI account, and Settings is where they connect their own.
 */
import { useApp, useMessages } from '../app-context';
import { commonMessages } from '../i18n/messages/common';
import { ViewLink } from './ViewLink';

export function DemoRecordNote() {
  const { state } = useApp();
  const m = useMessages(commonMessages);
  if (state.backend.name !== 'demo') return null;
  return (
    <p className="banner banner--info demo-record-note">
      {m.demoRecording} <ViewLink view="settings">{m.demoOwnAccount}</ViewLink>
    </p>
  );
}
