/**
 * The core's `Notifier` over Electron's native notifications. The rules decide what and when (one
 * per sync at most, once per crossing); this only shows it: a stable id and group per alert so a
 * newer one replaces the older (macOS Notification Center, Windows Action Center), urgency and
 * timeout for credit used up, and a click that opens the matching view.
 */
import type { NotificationRequest, Notifier } from '../../shared/alerts/notifier';
import type { ViewName } from '../../shared/bridge/views';
import type { ElectronEdge, NotificationEdge } from './electron-edge';

export class DesktopNotifier implements Notifier {
  /** Held until closed: a notification collected by the GC loses its click handler. */
  readonly #showing = new Set<NotificationEdge>();

  constructor(
    private readonly Notification: ElectronEdge['Notification'],
    private readonly openView: (view: ViewName) => void,
  ) {}

  show(request: NotificationRequest): void {
    // Told, not swallowed: the test notification in Settings says so; a sync just lists its alert.
    if (!this.Notification.isSupported()) throw new Error('This system does not show notifications.');
    const notification = new this.Notification({
      id: request.id,
      groupId: request.groupId,
      title: request.title,
      body: request.body,
      urgency: request.urgency,
      timeoutType: request.timeoutType,
      silent: request.silent,
    });
    this.#showing.add(notification);
    notification.on('click', () => this.openView(request.view));
    notification.on('close', () => this.#showing.delete(notification));
    notification.show();
  }
}
