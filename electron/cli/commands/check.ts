/**
 * `saldo check --min USD [--runway-days N]`: for cron and CI. Syncs first (a check on stale data
 * would pass while the account runs dry), then exits 0 when the balance is at least the minimum and
 * the runway at least N days, 1 when below, 2 when it cannot tell.
 */
import { parseAmount } from '../../../shared/billing/money';
import { usdTextSchema } from '../../../shared/storage/usd-text';
import { readOptions, required } from '../args';
import { withMonitor } from '../context';
import { formatMoney, formatNumber } from '../format';
import { EXIT_BELOW, EXIT_OK, EXIT_USAGE, UserError, type CliIo } from '../io';
import { syncErrorLine } from './status';

export const checkUsage = [
  'check --min USD [--runway-days N]',
  'exit 0 if the balance (and runway) are fine, 1 if below, 2 on error',
] as const;

const WHOLE = /^\d{1,4}$/;

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = readOptions(
    args,
    { min: { type: 'string' }, 'runway-days': { type: 'string' } },
    'check',
    checkUsage[0],
  );
  const minText = required(values.min, 'min');
  const checked = usdTextSchema.safeParse(minText);
  if (!checked.success) throw new UserError('min', checked.error.issues[0]!.message);
  const min = parseAmount(checked.data)!;
  const runwayText = values['runway-days'];
  if (runwayText !== undefined && !WHOLE.test(runwayText)) {
    throw new UserError('runway-days', 'must be a whole number of days');
  }
  const runwayDays = runwayText === undefined ? null : Number(runwayText);

  return withMonitor(io, async (opened) => {
    const synced = await opened.monitor.syncOnce();
    if (!synced.ok) {
      io.stderr(syncErrorLine(synced));
      return EXIT_USAGE;
    }
    const { result } = opened.monitor.state();
    const language = opened.settings.read().language;
    const balance = result?.balance ?? 0n;
    const problems: string[] = [];
    if (result === null) problems.push('no billing data');
    if (result?.quotaExhausted === true) problems.push('credit used up: API requests fail');
    if (balance < min)
      problems.push(`balance ${formatMoney(balance, language)} < ${formatMoney(min, language)}`);
    const runway = result?.runwayDays ?? null;
    if (runwayDays !== null && runway !== null && runway < runwayDays) {
      problems.push(`runway ${formatNumber(runway, language)} days < ${runwayDays}`);
    }
    if (problems.length > 0) {
      io.stdout(`below: ${problems.join('; ')}\n`);
      return EXIT_BELOW;
    }
    const runwayNote =
      runway === null ? 'no spend in the forecast window' : `runway ${formatNumber(runway, language)} days`;
    io.stdout(`ok: balance ${formatMoney(balance, language)}, ${runwayNote}\n`);
    return EXIT_OK;
  });
}
