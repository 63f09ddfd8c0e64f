/**
 * "Am I safe?" (ux.md §1 Overview): what is wrong, if anything, then the balance with its provenance
 * and runway, the credit figures, what happens next, and thirty days of spend.
 */
import { useApp, useMessages } from '../app-context';
import { NoDataYet } from '../components/NoDataYet';
import { ViewLink } from '../components/ViewLink';
import { overviewMessages } from '../i18n/messages/overview';
import { BalanceSummary } from './overview/BalanceSummary';
import { CreditFigures } from './overview/CreditFigures';
import { NextEvents } from './overview/NextEvents';
import { statusCause } from '../../shared/dashboard/status-cause';
import { SpendSparkline } from './overview/SpendSparkline';
import { StatusLine } from './overview/StatusLine';

export function OverviewView() {
  const { state } = useApp();
  const m = useMessages(overviewMessages);
  const cause = statusCause(state);
  const { account } = state;

  return (
    <div className="overview">
      <h1>{m.title}</h1>
      {cause === null ? null : <StatusLine cause={cause} />}
      {state.backend.name === 'demo' ? (
        <p className="banner banner--info overview-demo">
          {m.demo} <ViewLink view="settings">{m.connectKey}</ViewLink>
        </p>
      ) : null}
      {account === null ? (
        <NoDataYet />
      ) : (
        <>
          <BalanceSummary account={account} />
          <CreditFigures account={account} />
          <div className="overview-columns">
            <NextEvents account={account} />
            <SpendSparkline spendLimit={account.spendLimit} />
          </div>
        </>
      )}
    </div>
  );
}
