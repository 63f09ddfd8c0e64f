/**
 * Settings (ux.md §1 Settings): the connection and key first, then the balance correction, refresh,
 * language and startup, notifications, and the data export.
 */
import { useMessages } from '../app-context';
import { CalibrateForm } from '../components/CalibrateForm';
import { Card } from '../components/Card';
import { DemoRecordNote } from '../components/DemoRecordNote';
import { ExternalLink } from '../components/ExternalLink';
import { OPENAI_PAGES } from '../../shared/openai-pages';
import { settingsMessages } from '../i18n/messages/settings';
import { AppearanceSettings } from './settings/AppearanceSettings';
import { ConnectionForm } from './settings/ConnectionForm';
import { DataExport } from './settings/DataExport';
import { KeyActions } from './settings/KeyActions';
import { KeyForm } from './settings/KeyForm';
import { KeyStatus } from './settings/KeyStatus';
import { NotificationSettings } from './settings/NotificationSettings';
import { RefreshForm } from './settings/RefreshForm';

export function SettingsView() {
  const m = useMessages(settingsMessages);
  return (
    <div className="settings">
      <h1>{m.title}</h1>
      <Card title={m.connection.title}>
        <ConnectionForm />
      </Card>
      <Card title={m.key.title} className="settings-key">
        <KeyStatus />
        <KeyActions />
        <p>
          {m.key.explain} <ExternalLink href={OPENAI_PAGES.adminKeys}>{m.key.createKey}</ExternalLink>
        </p>
        <KeyForm />
      </Card>
      <Card title={m.calibrate}>
        <p>{m.calibrateExplain}</p>
        <DemoRecordNote />
        <CalibrateForm />
      </Card>
      <Card title={m.refresh.title}>
        <RefreshForm />
      </Card>
      <Card title={m.appearance.title}>
        <AppearanceSettings />
      </Card>
      <Card title={m.notifications.title}>
        <NotificationSettings />
      </Card>
      <Card title={m.data.title}>
        <DataExport />
      </Card>
    </div>
  );
}
