/**
 * A scenario as a billing-engine case, built here independently of the simulator's account code,
 * so the tests compare the simulator's answers with the engine itself.
 */
import { evaluateCase } from '../../../../shared/billing/evaluate';
import { formatInstant } from '../../../../shared/billing/instant';
import type { BillingResult } from '../../../../shared/billing/types';
import type { Scenario } from '../../../../electron/core/simulator/scenario';
import { toUsageEvent, type UsageRecord } from '../../../../electron/core/simulator/usage-record';

export interface PreparedScenario {
  scenario: Scenario;
  /** Credit events with their instants. */
  credits: { at: number; event: unknown }[];
  /** Usage records (history, and generated hours up to `until`) with their events. */
  usage: { record: UsageRecord; event: unknown }[];
}

/** `until`: also the traffic generated after the history, up to this instant. */
export function prepare(scenario: Scenario, until = scenario.historyUntil): PreparedScenario {
  const records = [...scenario.history];
  for (let hour = scenario.historyUntil; hour < until; hour += 3_600_000) {
    if (scenario.traffic.until === null || hour < scenario.traffic.until)
      records.push(...scenario.traffic.hour(hour));
  }
  return {
    scenario,
    credits: scenario.credits.map((event) => ({ at: Date.parse(event.at), event })),
    usage: records.map((record) => ({ record, event: toUsageEvent(record) })),
  };
}

/** The engine's result at `now`, credits before usage on a tie (as the simulator feeds them). */
export function evaluateAt(prepared: PreparedScenario, now: number): BillingResult {
  const evaluation = evaluateCase({
    now: formatInstant(now),
    autoRecharge: prepared.scenario.autoRecharge,
    events: [
      ...prepared.credits.filter(({ at }) => at <= now).map(({ event }) => event),
      ...prepared.usage.filter(({ record }) => record.at <= now).map(({ event }) => event),
    ],
  });
  if (!evaluation.ok) throw new Error(`${evaluation.error.field}: ${evaluation.error.message}`);
  return evaluation.result;
}
