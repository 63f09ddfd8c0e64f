/** The alerts that hold now, most severe first (ux.md §1 Alerts 1), each with a way to the view that fixes it. */
import type { BridgeAlert } from '../../../shared/bridge';
import { NAV_KEY, useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { StatusMark } from '../../components/StatusMark';
import { ViewLink } from '../../components/ViewLink';
import { alertsMessages } from '../../i18n/messages/alerts';
import { commonMessages } from '../../i18n/messages/common';

export function CurrentAlerts() {
  const { state } = useApp();
  const m = useMessages(alertsMessages);
  const current = state.alerts.current;
  return (
    <Card title={m.current}>
      {current.length === 0 ? (
        <EmptyState title={m.noCurrent} />
      ) : (
        <ul className="alert-list">
          {current.map((alert) => (
            <CurrentAlert key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function CurrentAlert({ alert }: { alert: BridgeAlert }) {
  const { language } = useApp();
  const m = useMessages(alertsMessages);
  const { nav } = useMessages(commonMessages);
  return (
    <li className={`alert-item alert-item--${alert.severity}`}>
      <StatusMark tone={alert.severity} label={m.severity[alert.severity]} />
      <h3 className="alert-item__title">{alert.title[language]}</h3>
      <p className="alert-item__body">{alert.body[language]}</p>
      {alert.view === 'alerts' ? null : (
        <ViewLink view={alert.view}>{m.open(nav[NAV_KEY[alert.view]])}</ViewLink>
      )}
    </li>
  );
}
