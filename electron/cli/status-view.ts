/**
 * What `status` and `sync` print: the account at a glance for people, and for scripts the engine's
 * result object (the spec's field names, top level) plus `backend`, `lastSync` and `alerts`.
 */
import { stringify } from 'lossless-json';
import type { Alert, Language } from '../../shared/alerts/alert';
import { formatInstant, MS_PER_DAY } from '../../shared/billing/instant';
import { resultToSpecObject } from '../../shared/billing/result-json';
import type { BillingResult } from '../../shared/billing/types';
import type { AutoRechargeSettings, Ledger } from '../../shared/ledger/ledger-schema';
import { parseAmount } from '../../shared/billing/money';
import { emptyResult, type BackendChoice, type LastSync, type MonitorState } from '../core/monitor';
import { formatDate, formatMoment, formatMoney, formatNumber, table } from './format';

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
    backend: state.backend,
    lastSync: lastSyncJson(state.lastSync),
    alerts: state.alerts.map((alert) => alertJson(alert, language)),
  })}\n`;
}

export function autoRechargeLine(settings: AutoRechargeSettings | null, language: Language): string {
  if (settings === null) return 'not recorded (saldo auto-recharge set …)';
  if (!settings.enabled) return 'off';
  const money = (text: string | null) => (text === null ? '?' : formatMoney(parseAmount(text)!, language));
  const buys =
    settings.mode === 'add' ? `buys ${money(settings.amount)}` : `tops up to ${money(settings.target)}`;
  const limit = settings.monthlyLimit === null ? '' : `, at most ${money(settings.monthlyLimit)} a month`;
  return `${buys} when the balance falls below ${money(settings.threshold)}${limit}`;
}

function runwayLine(result: BillingResult, now: number, language: Language): string {
  if (result.runwayDays === null) return 'no spend in the forecast window';
  const until = formatDate(now + result.runwayDays * MS_PER_DAY, language);
  return `about ${formatNumber(result.runwayDays, language)} days, to ${until}`;
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

function accountLines(
  result: BillingResult,
  ledger: Ledger,
  now: number,
  language: Language,
): [string, string][] {
  const money = (micros: bigint) => formatMoney(micros, language);
  const rows: [string, string][] = [['Balance', money(result.balance)]];
  if (result.pending !== 0n || result.debt !== 0n) {
    rows.push([
      'Available',
      `${money(result.available)} (pending ${money(result.pending)}, debt ${money(result.debt)})`,
    ]);
  }
  if (result.quotaExhausted) {
    const since =
      result.exhaustedSince === null ? '' : ` since ${formatMoment(result.exhaustedSince, language)}`;
    rows.push(['Quota', `exhausted${since}: API requests fail until you buy credit`]);
  }
  rows.push(['Spend', `${money(result.burnRatePerDay)} a day`]);
  rows.push(['Runway', runwayLine(result, now, language)]);
  const month = [...result.usageByMonth].at(-1);
  if (month !== undefined) rows.push([`Spent in ${month[0]}`, money(month[1].total)]);
  const next = result.grants
    .filter((grant) => grant.status === 'active' && grant.remaining > 0n)
    .sort((a, b) => a.expiresAt - b.expiresAt)[0];
  if (next !== undefined) {
    rows.push([
      'Next expiry',
      `${money(next.remaining)} on ${formatDate(next.expiresAt, language)} (${next.id})`,
    ]);
  }
  rows.push(['Auto-recharge', autoRechargeLine(ledger.autoRecharge, language)]);
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
  now: number,
): string {
  const heading = `Saldo — ${state.backend === 'demo' ? 'demo account' : 'OpenAI account'}\n  ${choice.reason}\n\n`;
  const sync = syncLines(state.lastSync, language);
  if (state.result === null) {
    return (
      heading +
      'No billing data yet: run `saldo sync` to fetch it, or record a purchase with `saldo purchase add`.\n' +
      table(sync)
    );
  }
  const alerts = state.alerts.length === 0 ? '' : `\nAlerts\n${alertLines(state.alerts, language)}`;
  return heading + table([...accountLines(state.result, ledger, now, language), ...sync]) + alerts;
}
