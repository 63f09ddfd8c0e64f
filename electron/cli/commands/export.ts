/**
 * `saldo export --format csv|json [--out FILE]`: grants with expiry and forfeits, purchases,
 * calibrations with drift and daily spend, for bookkeeping. From what is stored; no network.
 */
import { exportCsv, exportJson, exportRecords } from '../../core/export';
import { emptyResult } from '../../core/monitor';
import { readOptions, required } from '../args';
import { withMonitor } from '../context';
import { EXIT_OK, UserError, type CliIo } from '../io';

export const exportUsage = [
  'export --format csv|json [--out FILE]',
  'grants, purchases, calibrations and daily spend for bookkeeping',
] as const;

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const spec = { format: { type: 'string' }, out: { type: 'string' } } as const;
  const { values } = readOptions(args, spec, 'export', exportUsage[0]);
  const format = required(values.format, 'format');
  if (format !== 'csv' && format !== 'json') throw new UserError('format', 'must be csv or json');
  const text = await withMonitor(io, async ({ monitor, ledger }) => {
    // Nothing recorded or synced: the export has its header and empty lists.
    const { result, reading } = monitor.state();
    const data = exportRecords(ledger.read(), result ?? emptyResult(Date.now()), reading);
    return format === 'csv' ? exportCsv(data) : exportJson(data);
  });
  if (values.out === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await io.writeFile(values.out, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
    throw new UserError('out', `cannot write ${JSON.stringify(values.out)} (${code})`);
  }
  io.stderr(`Wrote ${values.out}.\n`);
  return EXIT_OK;
}
