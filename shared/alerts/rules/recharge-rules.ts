/**
 * Rules about auto-recharge: one seen, one that should have come and did not (a declined card,
 * usually: opencode and LTX switch auto-recharge off after failed charges — ux.md §1), and the
 * monthly limit that will block the next one.
 */
import { formatInstant, parseInstant, utcMonthOf } from '../../billing/instant';
import { rechargeLimitCopy, rechargeMissingCopy, rechargeSeenCopy } from '../alert-copy';
import { RECHARGE_GRACE_MS } from '../alert-settings';
import { latch, report } from '../latch';
import type { RuleContext, RuleOutput } from '../rule-context';

const SEEN_KEY = 'recharge-seen';
const MISSING_KEY = 'recharge-missing';

/**
 * An event, not a condition: told once per recharge, remembered by the recharge's id (a
 * fingerprint, as CodexBar's notifier keeps). On a first launch the latest recharge is only
 * recorded: it is history, not news.
 */
export function rechargeSeenRule(context: RuleContext, output: RuleOutput): void {
  const { current, previous } = context;
  const recharge = current.autoRecharge;
  const last = recharge?.lastRecharge ?? null;
  if (!current.complete || recharge === null || last === null) return;
  const entry = output.memory.get(SEEN_KEY);
  if (entry?.ref === last.id) return;
  const firstSight = entry === undefined && previous === null;
  output.memory.set(SEEN_KEY, {
    active: false,
    firedAt: firstSight ? null : formatInstant(context.now),
    ref: last.id,
  });
  if (firstSight) return;
  report(output, 'fired', () => ({
    id: SEEN_KEY,
    kind: 'recharge-seen',
    severity: 'info',
    ...rechargeSeenCopy(last.amount, recharge.usedThisMonth, recharge.monthlyLimit),
    view: 'auto-recharge',
  }));
}

/**
 * Below the threshold with auto-recharge on, room under its limit and nothing pending: a top-up
 * is due. It is "missing" once that has lasted an hour — the start is kept in the memory, so a
 * restart does not restart the hour.
 */
export function rechargeMissingRule(context: RuleContext, output: RuleOutput): void {
  const { current } = context;
  const recharge = current.autoRecharge;
  const due =
    recharge !== null && recharge.hasRoom && current.balance < recharge.threshold && current.pending === 0n;
  const entry = output.memory.get(MISSING_KEY);
  if (current.complete) {
    if (!due) {
      // A top-up arrived (or auto-recharge was switched off): re-armed, and the hour starts over.
      output.memory.delete(MISSING_KEY);
      return;
    }
    if (entry?.since === undefined || entry.since === null) {
      output.memory.set(MISSING_KEY, {
        active: false,
        firedAt: null,
        ...entry,
        since: formatInstant(current.at),
      });
    }
  }
  const since = parseInstant(output.memory.get(MISSING_KEY)?.since ?? null);
  const overdue = due && since !== undefined && current.at - since >= RECHARGE_GRACE_MS;
  const step = latch(context, output, MISSING_KEY, { holds: overdue, recovered: false });
  report(output, step, () => ({
    id: MISSING_KEY,
    kind: 'recharge-missing',
    severity: 'warning',
    ...rechargeMissingCopy(current.balance, recharge!.threshold),
    view: 'auto-recharge',
  }));
}

export function rechargeLimitRule(context: RuleContext, output: RuleOutput): void {
  const { current } = context;
  const recharge = current.autoRecharge;
  const limit = recharge?.monthlyLimit ?? null;
  const step = latch(context, output, 'recharge-limit', {
    holds: recharge !== null && limit !== null && !recharge.hasRoom,
    // A new month, a higher limit, or auto-recharge off.
    recovered: recharge === null || recharge.hasRoom,
  });
  report(output, step, () => ({
    id: 'recharge-limit',
    kind: 'recharge-limit',
    severity: 'warning',
    ...rechargeLimitCopy(limit!, utcMonthOf(current.at).end, current.failsAt),
    view: 'auto-recharge',
  }));
}
