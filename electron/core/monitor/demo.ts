/**
 * The demo account (`SALDO_DEMO=1`, or no key): the embedded simulator's `demo` scenario behind
 * the real OpenAI client. The simulator starts on the first request, so read-only uses (`saldo
 * status`) never start it; its clock is the monitor's clock.
 */
import type { BillingBackend } from '../billing-backend';
import {
  createOpenAiBackend,
  MAX_COSTS_PAGE,
  MAX_USAGE_PAGE,
  type OpenAiBackend,
  type OpenAiBackendOptions,
} from '../openai';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator';

/** The simulator wants an admin-shaped key on its admin routes; this one opens nothing real. */
const DEMO_KEY = 'sk-admin-fake-key-for-the-embedded-simulator';

export interface DemoOptions {
  /** Simulator options (scenario is always `demo`). */
  simulator?: Pick<SimulatorOptions, 'speed' | 'startAt'>;
  /** Client options, e.g. `maxRetries` or `sleep` in tests. */
  backend?: Pick<OpenAiBackendOptions, 'maxRetries' | 'sleep' | 'timeoutMs'>;
}

export interface DemoBackend {
  backend: BillingBackend;
  now(): number;
  /** The simulator's address, for its `/sim` control API; null until it started. */
  simulatorUrl(): string | null;
  /** Starts the simulator now (it also starts on the first request); rejects if it cannot listen. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createDemoBackend(options: DemoOptions = {}): DemoBackend {
  const startAt = options.simulator?.startAt;
  let started: Promise<{ sim: RunningSimulator; client: OpenAiBackend }> | null = null;
  let running: { sim: RunningSimulator; client: OpenAiBackend } | null = null;
  let closed = false;

  function client(): Promise<OpenAiBackend> {
    started ??= startSimulator({ port: 0, scenario: 'demo', ...options.simulator }).then((sim) => {
      const backend = createOpenAiBackend({
        apiKey: DEMO_KEY,
        // The fake key is given for the simulator Saldo itself started, and goes nowhere else.
        keyOrigin: new URL(sim.baseUrl).origin,
        baseUrl: sim.baseUrl,
        now: sim.now,
        ...options.backend,
      });
      running = { sim, client: backend };
      return running;
    });
    return started.then(({ client: backend }) => backend);
  }

  const backend: BillingBackend = {
    // The simulator serves the balance (until it runs, the client has not asked yet) and takes
    // auto-recharge settings on its control API, which the OpenAI client it speaks through cannot.
    capabilities: () => ({
      costs: true,
      usage: true,
      balance: running?.client.capabilities().balance ?? 'unknown',
      provider: 'demo',
      autoRechargeSettings: true,
    }),
    // Its client keeps the API's page sizes: DemoOptions cannot change them.
    pageDays: { costs: MAX_COSTS_PAGE, usage: MAX_USAGE_PAGE },
    fetchCosts: async (range) => (await client()).fetchCosts(range),
    fetchUsage: async (range) => (await client()).fetchUsage(range),
    fetchBalance: async (request) => (await client()).fetchBalance(request),
    fetchSpendLimit: async (request) => (await client()).fetchSpendLimit(request),
  };
  return {
    backend,
    now: () => running?.sim.now() ?? startAt ?? Date.now(),
    simulatorUrl: () => running?.sim.url ?? null,
    start: async () => {
      await client();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (started !== null) await (await started).sim.close();
    },
  };
}
