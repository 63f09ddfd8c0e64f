/** The projection's inline warnings beside the form (ux.md §1 Auto-recharge 4), as the user types. */
import type { ProjectionWarning, RechargeSettings } from '../../../shared/dashboard/recharge-projection';
import { useApp, useMessages } from '../../app-context';
import { StatusMark } from '../../components/StatusMark';
import { money } from '../../i18n/format';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { busiestDay } from './recharge-preview';

export function RechargeWarnings({
  warnings,
  settings,
}: {
  warnings: readonly ProjectionWarning[];
  settings: RechargeSettings;
}) {
  const { state, language } = useApp();
  const m = useMessages(autoRechargeMessages).warnings;
  if (warnings.length === 0) return null;
  const usd = (micros: number) => money(micros, language);
  const { limits } = state.autoRecharge;
  const text: Record<ProjectionWarning, () => string> = {
    'threshold-below-busiest-day': () => m.busiestDay(usd(busiestDay(state)), usd(settings.threshold)),
    'already-below-threshold': () => m.belowThreshold(usd(state.account?.balance ?? 0)),
    'limit-below-one-recharge': () => m.limitBelowRecharge(usd(settings.monthlyLimit ?? 0)),
    'recharge-out-of-limits': () => m.outOfLimits(usd(limits.min), usd(limits.max)),
  };
  return (
    <ul className="recharge-warnings" aria-label={m.label}>
      {warnings.map((warning) => (
        <li key={warning}>
          <StatusMark tone="warning" label={text[warning]()} />
        </li>
      ))}
    </ul>
  );
}
