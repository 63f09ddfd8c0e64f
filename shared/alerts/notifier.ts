/**
 * The edge that shows what the rules decided. Main implements it over Electron's `Notification`;
 * the rules never call it. `notificationFor` is the pure part: language, replacement ids and urgency.
 */
import type { Alert, AlertView, Language } from './alert';

export interface NotificationRequest {
  /** The alert's stable id: a newer notification for it replaces the older one (ux.md §4). */
  id: string;
  /** One group per kind, so Action Center stacks them by what they are about. */
  groupId: string;
  title: string;
  body: string;
  /** Credit used up and negative balance are urgent: "critical" on Linux and Windows (ux.md §4). */
  urgency: 'normal' | 'critical';
  /** Windows keeps an urgent toast until dismissed. */
  timeoutType: 'default' | 'never';
  /** What a click opens. */
  view: AlertView;
}

export interface Notifier {
  show(request: NotificationRequest): void | Promise<void>;
}

export function notificationFor(alert: Alert, language: Language): NotificationRequest {
  const critical = alert.severity === 'critical';
  return {
    id: alert.id,
    groupId: `saldo-${alert.kind}`,
    title: alert.title[language],
    body: alert.body[language],
    urgency: critical ? 'critical' : 'normal',
    timeoutType: critical ? 'never' : 'default',
    view: alert.view,
  };
}
