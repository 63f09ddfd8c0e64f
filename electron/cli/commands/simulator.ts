/**
 * `saldo simulator`: the embedded billing simulator on 127.0.0.1 until SIGINT or SIGTERM — for
 * trying Saldo, or any OpenAI billing client, against an account that changes as you watch.
 */
import { MAX_SPEED, SCENARIO_NAMES, startSimulator, type ScenarioName } from '../../core/simulator/index';
import { readOptions } from '../args';
import { EXIT_OK, UserError, type CliIo } from '../io';
import { untilStopSignal } from '../stop-signal';

export const simulatorUsage = [
  `simulator [--port N] [--speed X] [--scenario ${SCENARIO_NAMES.join('|')}]`,
  'serve a simulated OpenAI billing API until Ctrl-C',
] as const;

const DAY_S = 86_400;

interface Options {
  port: number;
  speed: number;
  scenario: ScenarioName;
}

function simulatorOptions(args: readonly string[]): Options {
  const { values } = readOptions(
    args,
    { port: { type: 'string' }, speed: { type: 'string' }, scenario: { type: 'string' } },
    'simulator',
    simulatorUsage[0],
  );
  const port = values.port === undefined ? 0 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UserError('port', 'must be a whole number from 0 to 65535 (0: any free port)');
  }
  const speed =
    values.speed === undefined ? 1 : /^\d+(\.\d+)?$/.test(values.speed) ? Number(values.speed) : NaN;
  if (!(speed > 0 && speed <= MAX_SPEED)) {
    throw new UserError(
      'speed',
      `must be a number above 0, at most ${MAX_SPEED} (simulated seconds per second)`,
    );
  }
  const scenario = values.scenario ?? 'demo';
  if (!(SCENARIO_NAMES as readonly string[]).includes(scenario)) {
    throw new UserError('scenario', `must be one of ${SCENARIO_NAMES.join(', ')}`);
  }
  return { port, speed, scenario: scenario as ScenarioName };
}

/** Runs the simulator until `stopped` resolves (the signals, unless a caller passes its own). */
export async function simulatorCommand(
  args: readonly string[],
  io: CliIo,
  stopped: () => Promise<void> = untilStopSignal,
): Promise<number> {
  const { port, speed, scenario } = simulatorOptions(args);
  // Listen for the signals before saying where we are: whoever reads the URL may stop us at once.
  const stop = stopped();
  let simulator;
  try {
    simulator = await startSimulator({ port, speed, scenario });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new UserError('port', `cannot listen on 127.0.0.1:${port} (${code})`);
    }
    throw error;
  }
  const weekAgo = Math.floor(simulator.now() / 1000) - 7 * DAY_S;
  io.stdout(`Simulator: ${simulator.baseUrl}\n`);
  io.stdout(
    `Try: curl -H "Authorization: Bearer sk-admin-demo" "${simulator.baseUrl}/organization/costs?start_time=${weekAgo}"\n`,
  );
  await stop;
  await simulator.close();
  return EXIT_OK;
}
