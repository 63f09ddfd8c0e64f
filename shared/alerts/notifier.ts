/**
 * The edge that shows what the rules decided. Main implements it over Electron's `Notification`;
 * the rules never call it. `notificationFor` is the pure part: language, sound, replacement ids and
 * urgency.
 */
import type { Settings } from '../settings/settings-schema';
import type { Alert, AlertView } from './alert';

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
  /** No sound: the user turned it off in Settings. */
  silent: boolean;
}

/** What of the settings a notification follows. */
export type NotificationSettings = Pick<Settings, 'language' | 'notificationSound'>;

export interface Notifier {
  show(request: NotificationRequest): void | Promise<void>;
}

export function notificationFor(alert: Alert, settings: NotificationSettings): NotificationRequest {
  const critical = alert.severity === 'critical';
  const { language } = settings;
  return {
    id: alert.id,
    groupId: `saldo-${alert.kind}`,
    title: alert.title[language],
    body: alert.body[language],
    urgency: critical ? 'critical' : 'normal',
    timeoutType: critical ? 'never' : 'default',
    view: alert.view,
    silent: !settings.notificationSound,
  };
}

const TEST_TEXT = {
  en: {
    title: 'Saldo notifications work',
    body: 'This is how Saldo tells you, before your API requests start to fail. Clicking it opens Saldo.',
  },
  nl: {
    title: 'Meldingen van Saldo werken',
    body: 'Zo waarschuwt Saldo je voordat je API-verzoeken mislukken. Klik erop om Saldo te openen.',
  },
} as const;

/** The sample Settings sends ("Send a test notification"): it replaces itself, and opens Settings. */
export function testNotification(settings: NotificationSettings): NotificationRequest {
  return {
    id: 'saldo-test',
    groupId: 'saldo-test',
    ...TEST_TEXT[settings.language],
    urgency: 'normal',
    timeoutType: 'default',
    view: 'settings',
    silent: !settings.notificationSound,
  };
}
