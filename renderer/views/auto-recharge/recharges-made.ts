/** The recharges made, with the running total of their UTC month (ux.md §6.6: the month's total against the limit). */
import type { AutoRechargeState } from '../../../shared/bridge';
import { utcMonthOf } from '../../../shared/billing/instant';

export interface MadeRow {
  id: string;
  at: number;
  amount: number;
  /** The balance that triggered it; null for a recharge the user recorded. */
  balanceBefore: number | null;
  /** Bought by auto-recharge in this UTC month up to and including this one. */
  monthTotal: number;
}

/** Newest first. */
export function madeRows(made: AutoRechargeState['made']): MadeRow[] {
  const totals = new Map<string, number>();
  return [...made]
    .sort((a, b) => a.at - b.at)
    .map((recharge) => {
      const month = utcMonthOf(recharge.at).key;
      const monthTotal = (totals.get(month) ?? 0) + recharge.amount;
      totals.set(month, monthTotal);
      return { ...recharge, monthTotal };
    })
    .reverse();
}
