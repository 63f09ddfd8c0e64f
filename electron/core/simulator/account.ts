/**
 * The simulated account as the billing engine sees it: the scenario's credit events, purchases
 * made through the control API, and all usage up to the simulated now, evaluated by the engine
 * (shared/billing) — the simulator never computes a balance itself.
 */
import { evaluateCase } from '../../../shared/billing/evaluate';
import { formatInstant, parseInstant, startOfUtcDay } from '../../../shared/billing/instant';
import { divideRounded, microsToDecimalText, type Micros } from '../../../shared/billing/money';
import { readEvent } from '../../../shared/billing/read-event';
import { readSettings } from '../../../shared/billing/read-settings';
import type { BillingResult, BillingSettings, RejectionReason } from '../../../shared/billing/types';
import type { AutoRechargeSettings, CreditEvent, Scenario } from './scenario';
import type { UsageLog } from './usage-log';

/** A control-API input the engine's rules refused, naming the field. */
export interface FieldError {
  field: string;
  message: string;
}

/** How far ahead a cached state is trusted when no usage is due (time alone changes nothing else). */
const QUIET_HORIZON = 86_400_000;

interface CachedState {
  version: number;
  logVersion: number;
  from: number;
  until: number;
  result: BillingResult;
}

export class SimAccount {
  private readonly credits: CreditEvent[];
  /** The credits the scenario planned, before any change through the control API. */
  private readonly planned: readonly CreditEvent[];
  private settings: AutoRechargeSettings;
  private purchases: number;
  private frozenRecharges = 0;
  private version = 0;
  private cached: CachedState | null = null;

  constructor(
    scenario: Scenario,
    private readonly log: UsageLog,
  ) {
    this.credits = [...scenario.credits];
    this.planned = scenario.credits;
    this.settings = { ...scenario.autoRecharge };
    this.purchases = scenario.credits.filter((credit) => credit.type === 'purchase').length;
  }

  get autoRecharge(): AutoRechargeSettings {
    return { ...this.settings };
  }

  /** The engine's full result at `now` (forecast included). */
  evaluate(now: number): BillingResult {
    const result = this.run(now, this.settings);
    this.remember(now, result);
    return result;
  }

  /**
   * The account at `now` for balance, grants and quota — not the forecast, which moves with every
   * millisecond. Between two instants where anything happens (a usage, a grant becoming usable or
   * expiring) those do not change, so one evaluation serves every request in between: a busy
   * client polling credit grants or calling chat completions does not re-run 90 days each time.
   */
  balanceAt(now: number): BillingResult {
    const cached = this.cached;
    if (
      cached !== null &&
      cached.version === this.version &&
      cached.logVersion === this.log.version &&
      now >= cached.from &&
      now < cached.until
    ) {
      return cached.result;
    }
    return this.evaluate(now);
  }

  /**
   * A manual purchase, checked by the engine's own event rules; the new grant's id. `id` is the
   * caller's (a ledger entry's, so the monitor counts the grant once); absent, one is made.
   */
  purchase(
    amount: number | string,
    at: string | undefined,
    now: number,
    chosenId?: string,
  ): { id: string } | FieldError {
    const id = chosenId ?? this.unusedId('purchase', this.purchases + 1);
    const made = this.addCredit(
      { type: 'purchase', id, at: at ?? formatInstant(now), amount, source: 'manual' },
      now,
      chosenId,
    );
    if ('field' in made) return made;
    if (chosenId === undefined) this.purchases++;
    return { id };
  }

  /** Free credit, checked as `purchase` is; `expiresAt` absent: the engine's default expiry. */
  grant(
    amount: number | string,
    at: string | undefined,
    expiresAt: string | undefined,
    now: number,
    chosenId?: string,
  ): { id: string } | FieldError {
    const id = chosenId ?? this.unusedId('grant', 1);
    const event = {
      type: 'grant',
      id,
      at: at ?? formatInstant(now),
      amount,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
    const made = this.addCredit(event, now, chosenId);
    return 'field' in made ? made : { id };
  }

  /**
   * The balance the owner read off the billing page at `at`: from then on the account holds that
   * much (spec §6), as the ledger that recorded the reading computes it.
   */
  calibrate(balance: number | string, at: string | undefined, now: number): { at: string } | FieldError {
    const made = this.addCredit({ type: 'balance', at: at ?? formatInstant(now), balance }, now);
    return 'field' in made ? made : { at: made.at };
  }

  /**
   * What the demo's ledger starts with, as its owner would have copied it off the billing page: the
   * purchases and the free credit the scenario planned (not the auto-recharges: the mirrored settings
   * let the engine make those), and the balance at the end of the last whole UTC day before `now`
   * — after every daily cost a sync books before it, and before today's, which it books at 00:00.
   * The billing page shows cents, so the reading is in cents, and the simulated account takes it too
   * (as a calibration, once), so the two stay one account. Read it before changing auto-recharge:
   * the settings now are replayed over that past.
   */
  ledgerSeed(now: number): { credits: CreditEvent[]; balance: { at: string; balance: string } } {
    const at = formatInstant(startOfUtcDay(now) - 1);
    const read = this.credits.find((credit) => credit.type === 'balance' && credit.at === at);
    const balance =
      read?.type === 'balance'
        ? read.balance
        : microsToDecimalText(toCents(this.run(parseInstant(at)!, this.settings).balance));
    if (read === undefined) this.calibrate(balance, at, now);
    return { credits: this.planned.filter((credit) => credit.type !== 'balance'), balance: { at, balance } };
  }

  /**
   * New auto-recharge settings from `now` on. The engine holds one setting for the whole timeline,
   * so, to leave the past as it happened, the auto-recharges made so far become ordinary input
   * purchases (`source: auto`, which the engine counts toward the monthly limit), and if the new
   * setting would still rewrite the past (e.g. a higher threshold buying where the old one did
   * not), a calibration at `now` brings the balance back to what it was.
   */
  setAutoRecharge(settings: AutoRechargeSettings, now: number): AutoRechargeSettings | FieldError {
    const checked = readSettings({ now: formatInstant(now), events: [], autoRecharge: settings });
    if ('field' in checked) {
      return { field: checked.field.replace(/^autoRecharge\./, ''), message: checked.message };
    }
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return this.autoRecharge;
    const before = this.run(now, this.settings);
    for (const recharge of before.autoRecharges) {
      this.insertCredit({
        type: 'purchase',
        id: this.unusedId('recharge', ++this.frozenRecharges),
        at: formatInstant(recharge.at),
        amount: microsToDecimalText(recharge.amount),
        source: 'auto',
      });
    }
    this.settings = { ...settings };
    const after = this.run(now, this.settings);
    if (after.balance !== before.balance) {
      this.insertCredit({
        type: 'balance',
        at: formatInstant(now),
        balance: microsToDecimalText(before.balance),
      });
    }
    this.version++;
    return this.autoRecharge;
  }

  private used(id: string): boolean {
    return this.credits.some((credit) => credit.type !== 'balance' && credit.id === id);
  }

  /** `<prefix>-<n>` for the first n from `from` that no credit has (a caller may have chosen one). */
  private unusedId(prefix: string, from: number): string {
    let n = from;
    while (this.used(`${prefix}-${n}`)) n++;
    return `${prefix}-${n}`;
  }

  /**
   * `event` (JSON-shaped, as `evaluateCase` reads it) checked by the engine's own rules and kept in
   * its canonical form. `chosenId`: an id the caller picked, which no credit may have already.
   */
  private addCredit(
    event: Record<string, unknown>,
    now: number,
    chosenId?: string,
  ): CreditEvent | FieldError {
    const settings = this.engineSettings(now, this.settings);
    const checked = readEvent(event, 0, settings);
    if (typeof checked === 'string') {
      return creditError(checked, settings, event.type === 'balance' ? 'balance' : 'amount');
    }
    // Last, as the engine checks it (spec §4: the only rule that depends on the other events).
    if (chosenId !== undefined && this.used(chosenId)) {
      return { field: 'id', message: 'duplicate-id: another credit already has this id' };
    }
    const at = formatInstant(checked.at);
    const amount = microsToDecimalText(checked.amount);
    let credit: CreditEvent;
    switch (checked.kind) {
      case 'purchase':
        credit = { type: 'purchase', id: checked.id, at, amount, source: checked.source };
        break;
      case 'grant':
        credit = {
          type: 'grant',
          id: checked.id,
          at,
          amount,
          ...(checked.expiresAt === null ? {} : { expiresAt: formatInstant(checked.expiresAt) }),
        };
        break;
      default:
        credit = { type: 'balance', at, balance: amount };
    }
    this.insertCredit(credit);
    return credit;
  }

  private engineSettings(now: number, autoRecharge: AutoRechargeSettings): BillingSettings {
    const settings = readSettings({ now: formatInstant(now), events: [], autoRecharge });
    if ('field' in settings) throw new Error(`simulator settings rejected: ${settings.field}`);
    return settings;
  }

  private run(now: number, autoRecharge: AutoRechargeSettings): BillingResult {
    const credits = this.credits.filter((credit) => parseInstant(credit.at)! <= now);
    // Credits first: on a tie the engine keeps input order, so a purchase at the instant of a usage
    // is there to draw from (the order the scenarios were planned in).
    const evaluation = evaluateCase({
      now: formatInstant(now),
      autoRecharge,
      events: [...credits, ...this.log.eventsThrough(now)],
    });
    if (!evaluation.ok) throw new Error(`simulator case rejected: ${evaluation.error.field}`);
    return evaluation.result;
  }

  private remember(now: number, result: BillingResult): void {
    let until = this.log.nextAfter(now, QUIET_HORIZON) ?? now + QUIET_HORIZON;
    for (const grant of result.grants) {
      if (grant.effectiveAt > now) until = Math.min(until, grant.effectiveAt);
      if (grant.status !== 'expired' && grant.expiresAt > now) until = Math.min(until, grant.expiresAt);
    }
    for (const credit of this.credits) {
      const at = parseInstant(credit.at)!;
      if (at > now) until = Math.min(until, at);
    }
    this.cached = { version: this.version, logVersion: this.log.version, from: now, until, result };
  }

  /** Keeps credits sorted by `at`, a new one after those at the same instant. */
  private insertCredit(credit: CreditEvent): void {
    const at = parseInstant(credit.at)!;
    let index = this.credits.length;
    while (index > 0 && parseInstant(this.credits[index - 1]!.at)! > at) index--;
    this.credits.splice(index, 0, credit);
    this.version++;
  }
}

function usd(micros: Micros): string {
  return `$${microsToDecimalText(micros)}`;
}

/** `amountField`: where the event holds its amount (`balance` for a balance read). */
function creditError(reason: RejectionReason, settings: BillingSettings, amountField: string): FieldError {
  const { minPurchase, maxPurchase } = settings.policy;
  switch (reason) {
    case 'unreadable-instant':
      return { field: 'at', message: 'must be an instant like 2026-03-01T12:00:00Z' };
    case 'after-now':
      return { field: 'at', message: `must not be after the simulated now (${formatInstant(settings.now)})` };
    case 'missing-id':
      return { field: 'id', message: 'missing-id: must not be empty' };
    case 'reserved-id':
      return { field: 'id', message: 'reserved-id: ids starting with auto- or cal- are kept for the engine' };
    case 'unreadable-amount':
      return {
        field: amountField,
        message: 'must be an amount in USD (a number or a decimal string), below 10^9',
      };
    case 'non-positive-amount':
      return { field: 'amount', message: 'non-positive-amount: must be greater than $0' };
    case 'out-of-limits':
      return {
        field: 'amount',
        message: `out-of-limits: a purchase must be from ${usd(minPurchase)} to ${usd(maxPurchase)}`,
      };
    case 'unreadable-expiresAt':
      return { field: 'expiresAt', message: 'must be an instant like 2026-03-01T12:00:00Z' };
    case 'expiresAt-not-after-at':
      return { field: 'expiresAt', message: 'expiresAt-not-after-at: must be after at' };
    default:
      return { field: 'body', message: `rejected by the billing rules (${reason})` };
  }
}

const MICROS_PER_CENT = 10_000n;

/** To the nearest cent, halves away from zero (as a page showing cents rounds). */
function toCents(micros: Micros): Micros {
  return divideRounded(micros, MICROS_PER_CENT) * MICROS_PER_CENT;
}
