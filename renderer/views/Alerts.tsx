/** Alerts (ux.md §1 Alerts): what needs you now, what fired lately, and when Saldo should warn. */
import { useMessages } from '../app-context';
import { alertsMessages } from '../i18n/messages/alerts';
import { AlertSettingsForm } from './alerts/AlertSettingsForm';
import { CurrentAlerts } from './alerts/CurrentAlerts';
import { PastAlerts } from './alerts/PastAlerts';

export function AlertsView() {
  const m = useMessages(alertsMessages);
  return (
    <div className="alerts">
      <h1>{m.title}</h1>
      <CurrentAlerts />
      <PastAlerts />
      <AlertSettingsForm />
    </div>
  );
}
