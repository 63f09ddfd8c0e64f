/**
 * One running simulation: the clock, the scenario's account and usage, the fault queue and the
 * request counts. Everything the routes need, and nothing of HTTP.
 */
import { SimAccount } from './account';
import { SimClock } from './clock';
import { FaultQueue } from './faults';
import { RequestStats } from './request-stats';
import type { Scenario, ScenarioName } from './scenario';
import { buildScenario } from './scenarios';
import { UsageLog } from './usage-log';

export interface Simulation {
  scenario: Scenario;
  startAt: number;
  speed: number;
  clock: SimClock;
  log: UsageLog;
  account: SimAccount;
  faults: FaultQueue;
  stats: RequestStats;
}

export function createSimulation(name: ScenarioName, startAt: number, speed: number): Simulation {
  const scenario = buildScenario(name, startAt);
  const log = new UsageLog(scenario.traffic, scenario.history, scenario.historyUntil);
  return {
    scenario,
    startAt,
    speed,
    clock: new SimClock(startAt, speed),
    log,
    account: new SimAccount(scenario, log),
    faults: new FaultQueue(),
    stats: new RequestStats(),
  };
}
