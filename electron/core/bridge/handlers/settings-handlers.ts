/**
 * The settings' channels and auto-recharge's. A change of backend re-opens the monitor; a new poll
 * interval resets the poller; auto-recharge is checked before it is applied anywhere or stored.
 */
import type { BridgeHandlers } from '../../../../shared/bridge/channels';
import { failure } from '../../../../shared/bridge/result';
import { setAutoRecharge } from '../../../../shared/ledger/ledger-edits';
import { pollSettingsOf } from '../../monitor';
import { OPENAI_PAGES } from '../../../../shared/openai-pages';
import { applyAutoRecharge } from '../../simulator';
import type { HandlerContext } from './handler-context';
import { ok, storeFailure } from './results';

/** Why "Apply" is refused on OpenAI: it has no API for these settings. */
export const NO_AUTO_RECHARGE_API =
  'OpenAI has no API for auto-recharge settings: change them on the billing page ' +
  `(${OPENAI_PAGES.billing}), then record the same settings here without applying them.`;

/** What the settings' handlers need from the session. */
export type SettingsContext = Pick<HandlerContext, 'exclusive' | 'changed' | 'reopen'>;

type SettingsChannel = 'settings:get' | 'settings:update' | 'auto-recharge:get' | 'auto-recharge:set';

/** `autoRecharge.threshold` (the ledger's name) → `threshold` (the request's). */
function autoRechargeField(field: string): string {
  return field === 'autoRecharge' ? 'settings' : field.replace(/^autoRecharge\./, '');
}

/** The settings' and auto-recharge's channels over the session's open monitor. */
export function settingsHandlers(ctx: SettingsContext): Pick<BridgeHandlers, SettingsChannel> {
  return {
    'settings:get': () => ctx.exclusive((current) => ok(current.opened.settings.read())),

    'settings:update': (changes) =>
      ctx.exclusive(async (current) => {
        const { opened, poller } = current;
        const before = opened.settings.read();
        const saved = opened.settings.update(changes);
        if (!saved.ok) return storeFailure(saved.error);
        const after = saved.value;
        const backendChanged =
          after.backend !== before.backend ||
          (after.baseUrl !== before.baseUrl && opened.choice.backend === 'openai');
        if (backendChanged) {
          const reopened = await ctx.reopen();
          if (!reopened.ok) return reopened;
        } else {
          // A reset polls at once with the new interval (only once started).
          if (after.pollIntervalMinutes !== before.pollIntervalMinutes) poller.reset(pollSettingsOf(after));
          ctx.changed(current);
        }
        return ok(after);
      }),

    'auto-recharge:get': () =>
      ctx.exclusive((current) => ok({ settings: current.opened.ledger.read().autoRecharge })),

    'auto-recharge:set': ({ settings, apply }) =>
      ctx.exclusive(async (current) => {
        const { opened } = current;
        if (apply && !opened.capabilities().autoRechargeSettings)
          return failure('apply', NO_AUTO_RECHARGE_API);
        // Checked before anything is sent or stored: a refusal changes nothing anywhere.
        const checked = setAutoRecharge(opened.ledger.read(), settings);
        if (!checked.ok) return failure(autoRechargeField(checked.error.field), checked.error.message);
        const wanted = checked.value.autoRecharge;
        if (apply) {
          const applied = await applyAutoRecharge(opened.simulatorUrl(), wanted);
          if (!applied.ok) return applied;
        }
        const saved = opened.ledger.setAutoRecharge(wanted);
        if (!saved.ok) return storeFailure(saved.error, autoRechargeField);
        ctx.changed(current);
        return ok({ settings: saved.value.autoRecharge, applied: apply });
      }),
  };
}
