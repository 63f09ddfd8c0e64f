/**
 * What a scenario is: the account's settings, its credit events, and its usage — history already
 * generated, and the traffic that goes on as the simulated clock moves. Scenarios are pure
 * functions of `startAt`: the same start gives the same account.
 */
import type { GeneratedUsage } from './usage-log';
import type { UsageRecord } from './usage-record';

export const SCENARIO_NAMES = ['demo', 'listed-grants', 'empty', 'exhausted'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Auto-recharge as the control API and the engine's case files write it (spec §7). */
export interface AutoRechargeSettings {
  enabled: boolean;
  threshold?: number | string;
  mode?: 'add' | 'topUp';
  amount?: number | string;
  target?: number | string;
  monthlyLimit?: number | string;
}

/** A non-usage engine event (spec §4), JSON-shaped. */
export type CreditEvent =
  | { type: 'purchase'; id: string; at: string; amount: string; source: 'manual' | 'auto' | 'import' }
  | { type: 'grant'; id: string; at: string; amount: string; expiresAt?: string }
  | { type: 'balance'; at: string; balance: string };

export interface Scenario {
  name: ScenarioName;
  /**
   * Whether the legacy credit-grants endpoint answers: relays and old keys list the grants and the
   * balance; OpenAI refuses it to every secret key (billing-apis.md §2), and so does every scenario
   * but `listed-grants`.
   */
  listsGrants: boolean;
  autoRecharge: AutoRechargeSettings;
  /**
   * The organisation's hard monthly spend limit in whole cents (billing-apis.md §1.7), apart from
   * auto-recharge's own monthly limit; null: none set, and `GET /organization/spend_limit` is a 404.
   */
  spendLimitCents: number | null;
  /** Projects that exist; calls without an `OpenAI-Project` header are billed to the first. */
  projects: readonly number[];
  /** Purchases and grants, sorted by `at`. */
  credits: CreditEvent[];
  /** Usage generated in advance (sorted by `at`), covering the hours before `historyUntil`. */
  history: UsageRecord[];
  historyUntil: number;
  traffic: GeneratedUsage;
}
