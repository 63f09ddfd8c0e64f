/**
 * `saldo serve [--port N] [--demo]`: the dashboard in a browser (browser mode), served on 127.0.0.1
 * with the monitor polling in this process, until Ctrl-C. The URL it prints carries the run's token
 * in its fragment; that line is the only place the token is ever shown.
 */
import { startDashboardServer } from '../serve/server';
import { readOptions } from '../args';
import { EXIT_OK, UserError, type CliIo } from '../io';
import { untilStopSignal } from '../stop-signal';

export const serveUsage = [
  'serve [--port N] [--demo]',
  'the dashboard in your browser, on 127.0.0.1, until Ctrl-C',
] as const;

function portOf(text: string | undefined): number {
  const port = text === undefined ? 0 : /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UserError('port', 'must be a whole number from 0 to 65535 (0: any free port)');
  }
  return port;
}

/** Serves until `stopped` resolves (SIGINT or SIGTERM, unless a caller passes its own). */
export async function serveCommand(
  args: readonly string[],
  io: CliIo,
  stopped: () => Promise<void> = untilStopSignal,
): Promise<number> {
  const { values } = readOptions(
    args,
    { port: { type: 'string' }, demo: { type: 'boolean' } },
    'serve',
    serveUsage[0],
  );
  const port = portOf(values.port);
  // Listen for the signals before saying where we are: whoever reads the URL may stop us at once.
  const stop = stopped();
  const started = await startDashboardServer({
    env: io.env,
    port,
    demo: values.demo === true,
    openSecrets: io.openSecrets,
  });
  if (!started.ok) throw new UserError(started.field, started.message);
  const { server } = started;
  for (const notice of server.session.takeNotices()) io.stderr(`notice: ${notice}\n`);
  const choice = server.session.backend();
  io.stdout(`Dashboard: ${server.dashboardUrl}\n`);
  // The reason is a sentence of its own ("No key is set up: showing the demo account. …").
  io.stdout(`${choice?.reason ?? 'No backend.'} Open the address above; stop with Ctrl-C.\n`);
  await stop;
  await server.close();
  return EXIT_OK;
}
