/**
 * "Top-up expected but not seen" (ux.md §1 Auto-recharge 6): providers switch auto-recharge off
 * after failed charges, so a missing top-up usually means a card problem.
 */
import type { BridgeAlert } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { ExternalLink } from '../../components/ExternalLink';
import { StatusMark } from '../../components/StatusMark';
import { OPENAI_PAGES } from '../../../shared/openai-pages';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';

export function RechargeMissing({ alert }: { alert: BridgeAlert }) {
  const { language } = useApp();
  const m = useMessages(autoRechargeMessages);
  return (
    <div className="banner banner--critical recharge-missing">
      <p>
        <StatusMark tone="critical" label={m.missing.title} />
      </p>
      <p>{alert.title[language]}</p>
      <p>{m.missing.body}</p>
      <p>
        <ExternalLink href={OPENAI_PAGES.billing}>{m.form.openBilling}</ExternalLink>
      </p>
    </div>
  );
}
