/**
 * What the tray shows for a snapshot (ux.md §1 Tray): the icon, a one-line tooltip, the macOS
 * title and the menu's text, from the same figures and helpers as the Overview so the two agree.
 * Pure: the main process only hands the result to Electron.
 */
import type { Language } from '../alerts/alert';
import {
  formatDate,
  formatDateTime,
  formatDaysAhead,
  formatMoney,
  formatRunwayDays,
  formatShortMoney,
  formatTime,
} from '../alerts/alert-format';
import { MS_PER_DAY, startOfUtcDay } from '../billing/instant';
import { parseAmount } from '../billing/money';
import type { AccountView, DashboardState } from '../bridge';
import { runwayCase } from '../account/outlook';
import { statusCause, type StatusCause } from '../dashboard/status-cause';
import {
  belowThreshold,
  creditStopped,
  lowAlert,
  outOfDate,
  trayIconStateOf,
  type TrayIconState,
} from './tray-state';
import { TRAY_WORDS, type TooltipWord, type TrayWords } from './tray-words';

export interface TrayView {
  icon: TrayIconState;
  /** One line, < 127 chars (Windows limit): "Saldo: $42.10 (estimated) · about 18 days · updated 10:42" */
  tooltip: string;
  /**
   * macOS menu-bar title: balance in whole dollars, cents below $10 (ux.md §1 Tray); '' when unknown
   * or turned off in Settings.
   */
  title: string;
  /** Menu text lines, top to bottom (shown as disabled items): balance, runway, next expiry,
   *  a status line when not ok. Each a complete sentence that stands alone (ux.md §5). */
  lines: string[];
  /** Label of the refresh item incl. when, e.g. "Refresh now (updated 10:42)" / nl. */
  refreshLabel: string;
  labels: { buyCredit: string; open: string; quit: string };
}

/** Windows shows at most 127 characters of a tooltip (NOTIFYICONDATA szTip, 128 with its terminator). */
export const TOOLTIP_LIMIT = 127;

/** The tray for a snapshot; `null` while the monitor is still opening. */
export function trayViewOf(state: DashboardState | null, options: { language?: Language } = {}): TrayView {
  const language = options.language ?? state?.settings.language ?? 'en';
  const words = TRAY_WORDS[language];
  if (state === null) {
    return {
      icon: trayIconStateOf(null),
      tooltip: words.starting,
      title: '',
      lines: [words.starting],
      refreshLabel: words.refreshNow,
      labels: words.labels,
    };
  }
  const say = new Sayer(state, language, words);
  return {
    icon: trayIconStateOf(state),
    tooltip: say.tooltip(),
    title:
      state.account === null || !state.settings.trayTitle
        ? ''
        : formatShortMoney(BigInt(state.account.balance), language),
    lines: say.lines(),
    refreshLabel: say.refreshLabel(),
    labels: words.labels,
  };
}

/** One snapshot's facts, put into words of one language. */
class Sayer {
  private readonly stopped: boolean;
  /** Why the tray is not ok, when a cause can be named; a balance at zero reads as used up. */
  private readonly cause: StatusCause | null;
  private readonly low: boolean;

  constructor(
    private readonly state: DashboardState,
    private readonly language: Language,
    private readonly words: TrayWords,
  ) {
    this.stopped = creditStopped(state);
    this.cause = statusCause(state) ?? (this.stopped ? { kind: 'credit-used-up' } : null);
    this.low = !this.stopped && (belowThreshold(state) || lowAlert(state) !== undefined);
  }

  lines(): string[] {
    const { account } = this.state;
    if (account === null) return [this.words.noBalance, ...this.statusLines()];
    // With the credit stopped a runway could only say zero; the status line says what to do.
    const runway = this.stopped ? [] : [this.runwayLine()];
    return [this.balanceLine(account), ...runway, this.expiryLine(), ...this.statusLines()];
  }

  /** Parts in order of display, each ranked by importance; the least important go first when it is too long. */
  tooltip(): string {
    const { account, sync } = this.state;
    const t = this.words.tooltip;
    const parts: { text: string; rank: number }[] = [{ text: this.tooltipBalance(account), rank: 0 }];
    for (const word of this.tooltipWords()) parts.push({ text: t.words[word], rank: 1 });
    const runway = account === null || this.stopped ? null : runwayCase(account);
    if (runway?.kind === 'topped-up') parts.push({ text: t.autoRecharge, rank: 3 });
    if (runway?.kind === 'fails')
      parts.push({ text: t.failsIn(formatRunwayDays(runway.days, this.language)), rank: 3 });
    const updated = sync.lastOkAt === null ? t.notUpdated : t.updated(this.shownAt(sync.lastOkAt));
    parts.push({ text: updated, rank: 2 });
    return fitOneLine(parts);
  }

  refreshLabel(): string {
    const { sync } = this.state;
    if (sync.state === 'syncing') return this.words.refreshing;
    return sync.lastOkAt === null
      ? this.words.refreshNow
      : this.words.refreshUpdated(this.shownAt(sync.lastOkAt));
  }

  private balanceLine(account: AccountView): string {
    const amount = this.money(account.balance);
    if (account.balance < 0) return this.words.negativeBalance(amount);
    return (this.estimated(account) ? this.words.balanceEstimated : this.words.balance)(amount);
  }

  private tooltipBalance(account: AccountView | null): string {
    const t = this.words.tooltip;
    if (account === null) return t.noBalance;
    const amount = this.money(account.balance);
    if (account.balance < 0) return t.negative(amount);
    return (this.estimated(account) ? t.estimated : t.balance)(amount);
  }

  /**
   * As the Overview says it: estimated unless the account reports its own balance and no
   * calibration has been applied on top of it.
   */
  private estimated(account: AccountView): boolean {
    return account.lastCalibration !== null || this.state.backend.capabilities.balance !== 'api';
  }

  private runwayLine(): string {
    const runway = runwayCase(this.state.account!);
    const w = this.words;
    switch (runway.kind) {
      case 'failing':
        return w.status.creditUsedUp;
      case 'unknown':
        return w.notEnoughData;
      case 'fails':
        return w.failsAt(formatRunwayDays(runway.days, this.language), this.date(runway.at));
      case 'topped-up':
        return w.toppedUp(this.date(runway.until));
      case 'lasts':
        return w.lasts(this.date(runway.until));
    }
  }

  private expiryLine(): string {
    const expiry = this.state.account!.nextExpiry;
    if (expiry === null) return this.words.noExpiry;
    const daysAhead = (startOfUtcDay(expiry.at) - startOfUtcDay(this.state.now)) / MS_PER_DAY;
    const amount = this.money(expiry.amount);
    const date = this.date(expiry.at);
    const ahead = formatDaysAhead(daysAhead, this.language);
    return expiry.unused > 0
      ? this.words.expiryUnused(amount, date, ahead, this.money(expiry.unused))
      : this.words.expiry(amount, date, ahead);
  }

  /** What is wrong, the staleness of the figures, a low balance, demo data: each its own sentence. */
  private statusLines(): string[] {
    const s = this.words.status;
    const lines: string[] = [];
    if (this.cause !== null) lines.push(this.causeLine(this.cause));
    // "Can't reach OpenAI" already says which data is shown.
    if (outOfDate(this.state) && this.cause?.kind !== 'unreachable') lines.push(this.outOfDateLine());
    if (this.low) lines.push(this.lowLine());
    if (this.state.backend.name === 'demo') lines.push(s.demo);
    return lines;
  }

  private causeLine(cause: StatusCause): string {
    const s = this.words.status;
    switch (cause.kind) {
      case 'credit-used-up':
        return s.creditUsedUp;
      case 'spend-limit':
        return s.spendLimit[cause.scope];
      case 'usage-limit':
        return s.usageLimit;
      case 'negative-balance':
        return s.negativeBalance;
      case 'key-rejected':
        return s.keyRejected;
      case 'not-admin-key':
        return s.notAdminKey;
      case 'key-elsewhere':
        return s.keyElsewhere(cause.keyOrigin, cause.address);
      case 'unreachable':
        return s.unreachable(this.shownAt(cause.lastOkAt));
    }
  }

  private outOfDateLine(): string {
    const s = this.words.status;
    const { sync } = this.state;
    if (sync.lastOkAt === null) {
      if (sync.state === 'offline') return s.offlineNoData;
      return sync.state === 'failing' ? s.failedNoData : s.firstSync;
    }
    const shown = this.shownAt(sync.lastOkAt);
    if (sync.state === 'offline') return s.offline(shown);
    // A named cause already says why the refresh failed.
    if (sync.state === 'failing' && this.cause === null) return s.failed(shown);
    return s.showingFrom(shown);
  }

  /** The threshold crossed, or else the current alert's own title (a short runway, say). */
  private lowLine(): string {
    const alert = lowAlert(this.state);
    if (alert !== undefined && !belowThreshold(this.state)) return `${alert.title[this.language]}.`;
    const threshold = parseAmount(this.state.settings.lowBalanceThreshold)!;
    return this.words.status.low(formatMoney(threshold, this.language));
  }

  private tooltipWords(): TooltipWord[] {
    const { sync, backend } = this.state;
    const words: TooltipWord[] = [];
    if (this.cause !== null && this.cause.kind !== 'negative-balance') words.push(this.cause.kind);
    if (sync.state === 'offline') words.push('offline');
    else if (outOfDate(this.state) && sync.lastOkAt !== null && this.cause?.kind !== 'unreachable')
      words.push('out-of-date');
    if (this.low) words.push('low');
    if (backend.name === 'demo') words.push('demo');
    return words;
  }

  /** Within a day the time says enough; older data needs its date too. */
  private shownAt(instant: number): string {
    return (this.state.now - instant < MS_PER_DAY ? formatTime : formatDateTime)(instant, this.language);
  }

  private money(micros: number): string {
    return formatMoney(BigInt(micros), this.language);
  }

  private date(instant: number): string {
    return formatDate(instant, this.language);
  }
}

/** The parts joined by " · ", dropping the least important (highest rank, last first) until it fits. */
function fitOneLine(parts: readonly { text: string; rank: number }[]): string {
  let kept = [...parts];
  const line = () => kept.map((part) => part.text).join(' · ');
  while (line().length >= TOOLTIP_LIMIT && kept.length > 1) {
    const least = Math.max(...kept.map((part) => part.rank));
    const drop = kept.findLastIndex((part) => part.rank === least);
    kept = kept.filter((_, index) => index !== drop);
  }
  return line();
}
