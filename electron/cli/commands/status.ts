/** `saldo status` (what is stored, no network) and `saldo sync` (one poll, then the status). */
import type { OpenedMonitor, SyncOnceResult } from '../../core/monitor';
import { readOptions } from '../args';
import { withMonitor } from '../context';
import { EXIT_OK, EXIT_USAGE, oneLine, type CliIo } from '../io';
import { statusJson, statusText } from '../status-view';

export const statusUsage = [
  'status [--json]',
  'balance, runway, expiries and alerts as last synced',
] as const;
export const syncUsage = ['sync [--json]', 'fetch the latest from the billing backend, then status'] as const;

function printStatus(opened: OpenedMonitor, json: boolean, io: CliIo): void {
  const state = opened.monitor.state();
  const language = opened.settings.read().language;
  const now = Date.now();
  io.stdout(
    json
      ? statusJson(state, language, now)
      : statusText(state, opened.choice, opened.ledger.read(), language),
  );
}

/** The one line of a failed sync, for stderr: where it failed and what the backend said. */
export function syncErrorLine(result: Extract<SyncOnceResult, { ok: false }>): string {
  const { source, error } = result.error;
  const kind = 'kind' in error ? error.kind : 'invalid';
  return `error: sync: ${source} ${kind}: ${oneLine(error.message)}\n`;
}

export async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = readOptions(args, { json: { type: 'boolean' } }, 'status', statusUsage[0]);
  return withMonitor(io, async (opened) => {
    printStatus(opened, values.json === true, io);
    return EXIT_OK;
  });
}

/** One poll. A failed sync still prints the status (the last good data), then its error; exit 2. */
export async function syncCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = readOptions(args, { json: { type: 'boolean' } }, 'sync', syncUsage[0]);
  return withMonitor(io, async (opened) => {
    // A first sync fetches a year of history: say why it takes a moment (not into the JSON's stream).
    if (values.json !== true && opened.ledger.read().cursor.costsAt === null) {
      io.stderr(`Fetching ${opened.settings.read().backfillDays} days of history…\n`);
    }
    const result = await opened.monitor.syncOnce();
    printStatus(opened, values.json === true, io);
    if (result.ok) return EXIT_OK;
    io.stderr(syncErrorLine(result));
    return EXIT_USAGE;
  });
}
