/**
 * The simulated account as the billing engine sees it: the scenario's credit events, purchases
 * made through the control API, and all usage up to the simulated now, evaluated by the engine
 * (shared/billing) — the simulator never computes a balance itself.
 */
import { evaluateCase } from '../../../shared/billing/evaluate';
import { formatInstant, parseInstant } from '../../../shared/billing/instant';
import { microsToDecimalText, type Micros } from '../../../shared/billing/money';
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
    const settings = this.engineSettings(now, this.settings);
    const event = { type: 'purchase', id, at: at ?? formatInstant(now), amount, source: 'manual' };
    const checked = readEvent(event, 0, settings);
    if (typeof checked === 'string') return purchaseError(checked, settings);
    // Last, as the engine checks it (spec §4: the only rule that depends on the other events).
    if (chosenId !== undefined && this.used(chosenId)) {
      return { field: 'id', message: 'duplicate-id: another credit already has this id' };
    }
    if (chosenId === undefined) this.purchases++;
    this.insertCredit({
      type: 'purchase',
      id,
      at: formatInstant(checked.at),
      amount: microsToDecimalText(checked.amount),
      source: 'manual',
    });
    return { id };
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

function purchaseError(reason: RejectionReason, settings: BillingSettings): FieldError {
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
        field: 'amount',
        message: 'must be an amount in USD (a number or a decimal string), below 10^9',
      };
    case 'non-positive-amount':
      return { field: 'amount', message: 'non-positive-amount: a purchase must be greater than $0' };
    case 'out-of-limits':
      return {
        field: 'amount',
        message: `out-of-limits: a purchase must be from ${usd(minPurchase)} to ${usd(maxPurchase)}`,
      };
    default:
      return { field: 'purchase', message: `rejected by the billing rules (${reason})` };
  }
}
