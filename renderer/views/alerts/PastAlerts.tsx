/** The alerts that fired in the last 90 days, newest first, with the local time each fired (ux.md §1 Alerts 3). */
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { StatusMark } from '../../components/StatusMark';
import { dateTime } from '../../i18n/format';
import { alertsMessages } from '../../i18n/messages/alerts';

export function PastAlerts() {
  const { state, language } = useApp();
  const m = useMessages(alertsMessages);
  const past = [...state.alerts.past].sort((a, b) => b.firedAt - a.firedAt);
  return (
    <Card title={m.past}>
      {past.length === 0 ? (
        <EmptyState title={m.noPast} />
      ) : (
        <ol className="alert-history">
          {past.map(({ alert, firedAt }) => (
            <li key={`${alert.id}@${firedAt}`} className="alert-history__item">
              <StatusMark tone={alert.severity} label={m.severity[alert.severity]} />
              <span className="alert-history__title">{alert.title[language]}</span>
              <time className="alert-history__time" dateTime={new Date(firedAt).toISOString()}>
                {m.firedAt(dateTime(firedAt, language))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
