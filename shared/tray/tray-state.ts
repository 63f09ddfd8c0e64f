/**
 * Which of the five tray glyphs the snapshot calls for (ux.md §1 Tray), and the facts behind it that
 * the tray's words name too. Pure: the snapshot in, the state out.
 */
import { MS_PER_MINUTE } from '../billing/instant';
import { parseAmount } from '../billing/money';
import type { BridgeAlert, DashboardState } from '../bridge';

export type TrayIconState = 'ok' | 'low' | 'critical' | 'offline' | 'demo';

/** Every state, in the order of the precedence below (the icon files follow these names). */
export const TRAY_ICON_STATES: readonly TrayIconState[] = ['critical', 'offline', 'low', 'demo', 'ok'];

/** Figures older than this many poll intervals are out of date: one late poll is not yet a problem. */
const STALE_AFTER_POLLS = 2;

/**
 * OpenAI refuses API requests, or is about to bill a debt: credit used up (the flag, a quota error of
 * the last sync, or an alert saying so), a balance at or below zero, or a negative balance.
 */
export function creditStopped(state: DashboardState): boolean {
  const { account, sync, alerts } = state;
  if (sync.error?.kind === 'quota') return true;
  if (account !== null && (account.quotaExhausted || account.balance <= 0 || account.debt > 0)) return true;
  return alerts.current.some((alert) => alert.kind === 'credit-used-up' || alert.kind === 'negative-balance');
}

/**
 * The figures may no longer be current: the last sync failed, the computer is offline, no sync has
 * succeeded yet, or the last good one is older than two poll intervals (after sleep, say).
 */
export function outOfDate(state: DashboardState): boolean {
  const { sync, settings, now } = state;
  if (sync.state === 'failing' || sync.state === 'offline' || sync.lastOkAt === null) return true;
  return now - sync.lastOkAt > STALE_AFTER_POLLS * settings.pollIntervalMinutes * MS_PER_MINUTE;
}

/** The balance is below the user's low-balance threshold. */
export function belowThreshold(state: DashboardState): boolean {
  const threshold = parseAmount(state.settings.lowBalanceThreshold);
  return state.account !== null && threshold !== undefined && BigInt(state.account.balance) < threshold;
}

/** A low-balance or short-runway alert is current (its threshold may differ from today's setting). */
export function lowAlert(state: DashboardState): BridgeAlert | undefined {
  return state.alerts.current.find((alert) => alert.kind === 'low-balance' || alert.kind === 'short-runway');
}

/**
 * The product's precedence, most important first:
 * 1. critical — API requests fail (or a debt is due). It beats offline: a stale "used up" is still
 *    the most important thing to say, since nothing seen since shows otherwise and the fix (buy
 *    credit) is the same; the menu adds that the figures are out of date.
 * 2. offline — dimmed: the figures may not be current, so the glyph makes no claim about them (a
 *    stale low balance can only be lower by now; the menu still names it). Also while Saldo starts
 *    (`null`): nothing current is known yet.
 * 3. low — below the low-balance threshold, or a low-balance / short-runway alert is current.
 * 4. demo — the demo backend, when nothing above applies (the menu always says it is demo data).
 * 5. ok.
 */
export function trayIconStateOf(state: DashboardState | null): TrayIconState {
  if (state === null) return 'offline';
  if (creditStopped(state)) return 'critical';
  if (outOfDate(state)) return 'offline';
  if (belowThreshold(state) || lowAlert(state) !== undefined) return 'low';
  if (state.backend.name === 'demo') return 'demo';
  return 'ok';
}
