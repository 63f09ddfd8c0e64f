/**
 * The embedded billing simulator: an OpenAI-shaped Admin API (costs, completion usage, credit
 * grants, chat completions) over a simulated prepaid account whose balance the billing engine
 * computes, plus a `/sim` control API. Plain Node: the desktop app's demo mode, the client's
 * tests and `saldo simulator` all run it.
 */
import type { AddressInfo } from 'node:net';
import { createSimulatorServer } from './http-edge';

export { applyAutoRecharge, buyOnSimulator, fetchAutoRecharge } from './control-client';
import { SCENARIO_NAMES, type ScenarioName } from './scenario';
import { createSimulation } from './simulation';

export interface SimulatorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Simulated ms per real ms; default 1. */
  speed?: number;
  /** Default `demo`. */
  scenario?: ScenarioName;
  /** UTC ms of the simulated clock at start; default `Date.now()`. */
  startAt?: number;
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `${url}/v1` */
  baseUrl: string;
  /** Simulated UTC ms. */
  now(): number;
  close(): Promise<void>;
}

export { SCENARIO_NAMES, type ScenarioName };

/** The fastest clock accepted: a year of usage in ~30 real seconds. */
export const MAX_SPEED = 1_000_000;

function checkOptions(options: SimulatorOptions): Required<SimulatorOptions> {
  const { port = 0, speed = 1, scenario = 'demo', startAt = Date.now() } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError('port: must be a whole number from 0 to 65535');
  if (!(speed > 0 && speed <= MAX_SPEED))
    throw new RangeError(`speed: must be a number above 0, at most ${MAX_SPEED}`);
  if (!SCENARIO_NAMES.includes(scenario))
    throw new RangeError(`scenario: must be one of ${SCENARIO_NAMES.join(', ')}`);
  // Years 1971 to 9998 leave room for the 90 days of history and a long run forward.
  if (!Number.isInteger(startAt) || startAt < 31_536_000_000 || startAt > 253_370_764_800_000) {
    throw new RangeError('startAt: must be whole UTC ms between 1971 and 9998');
  }
  return { port, speed, scenario, startAt };
}

/** Starts a simulator on 127.0.0.1; resolves once it is listening. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { port, speed, scenario, startAt } = checkOptions(options);
  const sim = createSimulation(scenario, startAt, speed);
  const edge = createSimulatorServer(sim);
  await new Promise<void>((resolve, reject) => {
    edge.server.once('error', reject);
    edge.server.listen(port, '127.0.0.1', () => {
      edge.server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(edge.server.address() as AddressInfo).port}`;
  return { url, baseUrl: `${url}/v1`, now: () => sim.clock.now(), close: () => edge.close() };
}
