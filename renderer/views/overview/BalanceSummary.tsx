/**
 * The balance, large, as a heading plus text, with where the figure comes from right under it
 * (ux.md §1 Overview 2: OpenAI has no balance API, so Saldo's figure is a reconciliation), then
 * the runway in one line (§1 Overview 3).
 */
import type { AccountView } from '../../../shared/bridge';
import { FORECAST_MIN_HISTORY_DAYS } from '../../../shared/alerts/alert-settings';
import { useApp, useMessages } from '../../app-context';
import { ViewLink } from '../../components/ViewLink';
import { date, days, money } from '../../i18n/format';
import { overviewMessages } from '../../i18n/messages/overview';
import { runwayCase } from '../../../shared/account/outlook';
import { formatRunwayDays } from '../../../shared/alerts/alert-format';

export function BalanceSummary({ account }: { account: AccountView }) {
  const { language } = useApp();
  const m = useMessages(overviewMessages);
  return (
    <section className="overview-balance" aria-labelledby="overview-balance-heading">
      <h2 id="overview-balance-heading" className="overview-balance__label">
        {m.balance}
      </h2>
      <p className="overview-balance__amount">{money(account.balance, language)}</p>
      <Provenance account={account} />
      <RunwayLine account={account} />
    </section>
  );
}

function Provenance({ account }: { account: AccountView }) {
  const { language, state } = useApp();
  const m = useMessages(overviewMessages);
  const calibration = account.lastCalibration;
  if (calibration === null) {
    return (
      <p className="overview-balance__provenance">
        {state.backend.capabilities.balance === 'api' ? m.reported : m.unconfirmed}{' '}
        <ViewLink view="settings">{m.correctBalance}</ViewLink>
      </p>
    );
  }
  const drift = Math.abs(calibration.drift);
  return (
    <p className="overview-balance__provenance">
      {m.provenance(
        money(calibration.observed, language),
        date(calibration.at, language),
        money(account.spentSinceCalibration, language),
      )}
      {calibration.drift === 0 ? null : <> {driftText(calibration, m)(money(drift, language))}</>}
    </p>
  );
}

/** When API requests start to fail, auto-recharge included (the runway every surface shows). */
function RunwayLine({ account }: { account: AccountView }) {
  const { language } = useApp();
  const m = useMessages(overviewMessages);
  const runway = runwayCase(account);
  if (runway.kind === 'unknown') {
    return (
      <p className="overview-balance__runway">
        {m.notEnoughData}
        <span className="overview-balance__hint">
          {' '}
          {m.notEnoughDataHint(days(FORECAST_MIN_HISTORY_DAYS, language))}
        </span>
      </p>
    );
  }
  const text =
    runway.kind === 'failing'
      ? m.failingNow
      : runway.kind === 'fails'
        ? m.failsAt(formatRunwayDays(runway.days, language), date(runway.at, language))
        : (runway.kind === 'topped-up' ? m.toppedUp : m.lasts)(date(runway.until, language));
  // With auto-recharge on, what the credit alone lasts is said too, as what it is.
  const alone =
    runway.kind !== 'failing' && account.autoRecharge && account.creditOnly !== null
      ? m.creditAlone(formatRunwayDays(account.creditOnly.days, language))
      : null;
  return (
    <p className="overview-balance__runway">
      {text}
      {alone === null ? null : <span className="overview-balance__hint"> {alone}</span>}
    </p>
  );
}

/** Who disagreed with Saldo's count, and which way. */
function driftText(
  calibration: NonNullable<AccountView['lastCalibration']>,
  m: (typeof overviewMessages)['en'],
): (drift: string) => string {
  const more = calibration.drift > 0;
  if (calibration.by === 'provider') return more ? m.reportedMore : m.reportedLess;
  return more ? m.driftMore : m.driftLess;
}
