/**
 * What `status` and `sync` print: the account at a glance for people, and for scripts the engine's
 * result object (the spec's field names, top level) plus `backend`, `lastSync` and `alerts`.
 */
import { stringify } from 'lossless-json';
import type { Alert, Language } from '../../shared/alerts/alert';
import { formatInstant } from '../../shared/billing/instant';
import type { AccountReading } from '../../shared/account/account-reading';
import { rechargeCase, runwayCase } from '../../shared/account/outlook';
import { readingToJson } from '../../shared/account/reading-json';
import { formatRunwayDays, formatShare } from '../../shared/alerts/alert-format';
import { FORECAST_MIN_HISTORY_DAYS } from '../../shared/alerts/alert-settings';
import { resultToSpecObject } from '../../shared/billing/result-json';
import type { AutoRechargeSettings, Ledger } from '../../shared/ledger/ledger-schema';
import { parseAmount } from '../../shared/billing/money';
import { emptyResult, type BackendChoice, type LastSync, type MonitorState } from '../core/monitor';
import {
  formatDate,
  formatExactMoney,
  formatMoment,
  formatMoney,
  formatMonth,
  formatNumber,
  table,
} from './format';

const iso = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

export function lastSyncJson(lastSync: LastSync | null): unknown {
  if (lastSync === null) return null;
  return {
    at: iso(lastSync.at),
    ok: lastSync.ok,
    partial: lastSync.partial,
    okAt: iso(lastSync.okAt),
    failingSince: iso(lastSync.failingSince),
    error: lastSync.error,
    warnings: lastSync.warnings,
  };
}

export function alertJson(alert: Alert, language: Language): unknown {
  const { id, kind, severity, view } = alert;
  return { id, kind, severity, title: alert.title[language], body: alert.body[language], view };
}

export function statusJson(state: MonitorState, language: Language, now: number): string {
  return `${stringify({
    ...resultToSpecObject(state.result ?? emptyResult(now)),
    // The figures people read, as every surface shows them (the engine's own fields stay above).
    account: state.reading === null ? null : readingToJson(state.reading),
    backend: state.backend,
    lastSync: lastSyncJson(state.lastSync),
    alerts: state.alerts.map((alert) => alertJson(alert, language)),
  })}\n`;
}

export function autoRechargeLine(settings: AutoRechargeSettings | null, language: Language): string {
  if (settings === null) return 'not recorded (saldo auto-recharge set …)';
  if (!settings.enabled) return 'off';
  // The settings as recorded: every digit the user gave.
  const money = (text: string | null) =>
    text === null ? '?' : formatExactMoney(parseAmount(text)!, language);
  const buys =
    settings.mode === 'add' ? `buys ${money(settings.amount)}` : `tops up to ${money(settings.target)}`;
  const limit = settings.monthlyLimit === null ? '' : `, at most ${money(settings.monthlyLimit)} a month`;
  return `${buys} when the balance falls below ${money(settings.threshold)}${limit}`;
}

/** When API requests start to fail, as the dashboard and the tray say it. */
export function runwayLine(reading: AccountReading, language: Language): string {
  const runway = runwayCase(reading);
  switch (runway.kind) {
    case 'failing':
      return 'API requests fail now: the credit is used up';
    case 'unknown':
      return `not enough spend history yet (${runway.historyDays} of ${FORECAST_MIN_HISTORY_DAYS} days)`;
    case 'fails':
      return `API requests fail in ${formatRunwayDays(runway.days, language)}, around ${formatDate(runway.at, language)}`;
    case 'topped-up':
      return `auto-recharge keeps API requests working beyond ${formatDate(runway.until, language)}`;
    case 'lasts':
      return `the credit lasts beyond ${formatDate(runway.until, language)}`;
  }
}

function rechargeLine(reading: AccountReading, language: Language): string | null {
  const recharge = rechargeCase(reading);
  switch (recharge.kind) {
    case 'off':
      return null;
    case 'unknown':
      return 'not enough spend history yet';
    case 'expected':
      return recharge.at <= reading.now
        ? `${formatMoney(BigInt(recharge.amount), language)} due now`
        : `${formatMoney(BigInt(recharge.amount), language)} around ${formatDate(recharge.at, language)}`;
    case 'blocked':
      return `stopped by the monthly limit around ${formatDate(recharge.at, language)}`;
    case 'none':
      return `none needed before ${formatDate(recharge.until, language)}`;
  }
}

function syncLines(lastSync: LastSync | null, language: Language): [string, string][] {
  if (lastSync === null) return [['Last sync', 'never (saldo sync)']];
  const rows: [string, string][] = [];
  if (lastSync.okAt !== null) rows.push(['Last sync', formatMoment(lastSync.okAt, language)]);
  if (!lastSync.ok || lastSync.partial) {
    const what = lastSync.partial ? 'balance not fetched' : 'failed';
    rows.push([
      'Sync problem',
      `${what} ${formatMoment(lastSync.at, language)}: ${lastSync.error?.message ?? ''}`,
    ]);
  }
  for (const warning of lastSync.warnings) rows.push(['Sync warning', warning.message]);
  return rows;
}

/**
 * Where the balance comes from. "Confirmed" only for a balance someone confirmed — the user's
 * calibration, or the provider's own report — shown as given; otherwise it is Saldo's estimate.
 */
function provenanceRow(reading: AccountReading, language: Language): [string, string] {
  const confirmed = reading.lastCalibration;
  if (confirmed === null) {
    return ['Estimated', 'from your purchases and spend; not confirmed yet (saldo calibrate --balance USD)'];
  }
  const who = confirmed.by === 'you' ? 'you entered it' : 'OpenAI reported it';
  const observed = formatExactMoney(BigInt(confirmed.observed), language);
  const since = formatMoney(BigInt(reading.spentSinceCalibration), language);
  return [
    'Confirmed',
    `${observed} on ${formatMoment(confirmed.at, language)} (${who}); ${since} spent since`,
  ];
}

/** "Spent in December 2026" / "Uitgegeven in december 2026". */
function spentInLabel(month: string, language: Language): string {
  return `${language === 'nl' ? 'Uitgegeven in' : 'Spent in'} ${formatMonth(month, language)}`;
}

/** OpenAI's hard monthly spend limit and this month's spend against it: requests fail past it. */
function spendLimitRow(
  limit: NonNullable<AccountReading['spendLimit']>,
  language: Language,
): [string, string] {
  const spent = formatMoney(BigInt(limit.spentThisMonth), language);
  const of = formatMoney(BigInt(limit.limit), language);
  const share = formatShare(limit.fraction, language);
  return language === 'nl'
    ? ['Uitgavenlimiet', `${spent} van de maandelijkse uitgavenlimiet van ${of} (${share})`]
    : ['Spend limit', `${spent} of the ${of} monthly spend limit (${share})`];
}

function accountLines(reading: AccountReading, ledger: Ledger, language: Language): [string, string][] {
  const money = (micros: number) => formatMoney(BigInt(micros), language);
  const rows: [string, string][] = [['Balance', money(reading.balance)], provenanceRow(reading, language)];
  if (reading.pending !== 0 || reading.debt !== 0) {
    rows.push([
      'Available',
      `${money(reading.available)} (pending ${money(reading.pending)}, debt ${money(reading.debt)})`,
    ]);
  }
  if (reading.quotaExhausted) {
    const since =
      reading.exhaustedSince === null ? '' : ` since ${formatMoment(reading.exhaustedSince, language)}`;
    rows.push(['Quota', `exhausted${since}: API requests fail until you buy credit`]);
  }
  rows.push(['Spend', `${money(reading.burnRatePerDay)} a day`]);
  rows.push(['Runway', runwayLine(reading, language)]);
  if (reading.autoRecharge && reading.creditOnly !== null) {
    rows.push([
      'Credit alone',
      `about ${formatNumber(reading.creditOnly.days, language)} days without recharges`,
    ]);
  }
  rows.push([spentInLabel(reading.month.key, language), money(reading.month.spent)]);
  if (reading.spendLimit !== null) rows.push(spendLimitRow(reading.spendLimit, language));
  const expiry = reading.nextExpiry;
  if (expiry !== null) {
    const unused = expiry.unused > 0 ? `, about ${money(expiry.unused)} of it unused` : '';
    rows.push(['Next expiry', `${money(expiry.amount)} on ${formatDate(expiry.at, language)}${unused}`]);
  }
  rows.push(['Auto-recharge', autoRechargeLine(ledger.autoRecharge, language)]);
  const recharge = rechargeLine(reading, language);
  if (recharge !== null) rows.push(['Next recharge', recharge]);
  return rows;
}

export function alertLines(alerts: readonly Alert[], language: Language): string {
  if (alerts.length === 0) return 'No alerts.\n';
  const width = Math.max(...alerts.map((alert) => alert.severity.length)) + 2;
  return alerts
    .map((alert) => {
      const pad = ' '.repeat(width + 2);
      return `  ${alert.severity.padEnd(width)}${alert.title[language]}\n${pad}${alert.body[language]}\n`;
    })
    .join('');
}

export function statusText(
  state: MonitorState,
  choice: BackendChoice,
  ledger: Ledger,
  language: Language,
): string {
  const heading = `Saldo — ${state.backend === 'demo' ? 'demo account' : 'OpenAI account'}\n  ${choice.reason}\n\n`;
  const sync = syncLines(state.lastSync, language);
  if (state.reading === null) {
    return (
      heading +
      'No billing data yet: run `saldo sync` to fetch it, or record a purchase with `saldo purchase add`.\n' +
      table(sync)
    );
  }
  const alerts = state.alerts.length === 0 ? '' : `\nAlerts\n${alertLines(state.alerts, language)}`;
  return heading + table([...accountLines(state.reading, ledger, language), ...sync]) + alerts;
}
