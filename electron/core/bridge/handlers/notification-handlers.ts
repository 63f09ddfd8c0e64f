/**
 * "Send a test notification" (ux.md §1 Settings 4): the user sees what a warning looks like, and
 * whether the OS lets Saldo show one, before it matters.
 */
import { testNotification } from '../../../../shared/alerts/notifier';
import type { BridgeHandlers } from '../../../../shared/bridge/channels';
import { failure } from '../../../../shared/bridge/result';
import type { HandlerContext } from './handler-context';
import { ok } from './results';

export type NotificationContext = Pick<HandlerContext, 'exclusive' | 'notifier'>;

export function notificationHandlers(ctx: NotificationContext): Pick<BridgeHandlers, 'notifications:test'> {
  return {
    'notifications:test': () =>
      ctx.exclusive(async (current) => {
        const { notifier } = ctx;
        if (notifier === null) {
          return failure('notifications', 'Only the desktop app shows notifications; this is the browser.');
        }
        try {
          await notifier.show(testNotification(current.opened.settings.read()));
        } catch (error) {
          // The desktop notifier's own words (no key can be in them).
          return failure('notifications', error instanceof Error ? error.message : String(error));
        }
        return ok({ shown: true as const });
      }),
  };
}
