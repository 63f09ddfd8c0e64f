/**
 * The stored setting in one sentence (ux.md §1 Auto-recharge 1): "On · below $10.00, bring the
 * balance back up to $30.00 · at most $100.00 a month · $40.00 used this month".
 */
import { useApp, useMessages } from '../../app-context';
import { money } from '../../i18n/format';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { microsOfUsdText } from '../../i18n/usd-input';

export function CurrentSetting() {
  const { state, language } = useApp();
  const m = useMessages(autoRechargeMessages).current;
  const { settings, usedThisMonth } = state.autoRecharge;
  const usd = (text: string | null) => (text === null ? '' : money(microsOfUsdText(text), language));
  let sentence: string;
  if (settings === null) {
    sentence = m.notSet;
  } else if (!settings.enabled) {
    sentence = m.off;
  } else {
    sentence = [
      m.on,
      settings.mode === 'add'
        ? m.add(usd(settings.threshold), usd(settings.amount))
        : m.topUp(usd(settings.threshold), usd(settings.target)),
      settings.monthlyLimit === null ? m.noLimit : m.limit(usd(settings.monthlyLimit)),
      m.used(money(usedThisMonth, language)),
    ].join(' · ');
  }
  return (
    <section className="recharge-current" aria-label={m.label}>
      <p className="recharge-current__sentence">{sentence}</p>
    </section>
  );
}
