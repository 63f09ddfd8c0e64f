/** `saldo alerts [--json]`: every alert holding now, most severe first (as last synced; no network). */
import { readOptions } from '../args';
import { withMonitor } from '../context';
import { EXIT_OK, type CliIo } from '../io';
import { alertJson, alertLines } from '../status-view';

export const alertsUsage = ['alerts [--json]', 'what needs your attention now'] as const;

export async function alertsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = readOptions(args, { json: { type: 'boolean' } }, 'alerts', alertsUsage[0]);
  return withMonitor(io, async ({ monitor, settings }) => {
    const { alerts } = monitor.state();
    const language = settings.read().language;
    io.stdout(
      values.json === true
        ? `${JSON.stringify({ alerts: alerts.map((alert) => alertJson(alert, language)) }, null, 2)}\n`
        : alertLines(alerts, language),
    );
    return EXIT_OK;
  });
}
