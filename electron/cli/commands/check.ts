/**
 * `saldo check --min USD [--runway-days N]`: for cron and CI. Syncs first (a check on stale data
 * would pass while the account runs dry), then exits 0 when the balance is at least the minimum and
 * API requests keep working for at least N days (auto-recharge included: the runway every surface
 * shows), 1 when below, 2 when it cannot tell.
 */
import { parseAmount } from '../../../shared/billing/money';
import { usdTextSchema } from '../../../shared/storage/usd-text';
import { readOptions, required } from '../args';
import { withMonitor } from '../context';
import { formatExactMoney, formatMoney } from '../format';
import { PROJECTION_HORIZON_DAYS } from '../../../shared/account/account-reading';
import { runwayCase } from '../../../shared/account/outlook';
import { runwayLine } from '../status-view';
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
  // The projection looks a year ahead: beyond that, no answer would be true.
  if (runwayText !== undefined && Number(runwayText) > PROJECTION_HORIZON_DAYS) {
    throw new UserError(
      'runway-days',
      `must be at most ${PROJECTION_HORIZON_DAYS} (Saldo projects a year ahead)`,
    );
  }
  const runwayDays = runwayText === undefined ? null : Number(runwayText);

  return withMonitor(io, async (opened) => {
    const synced = await opened.monitor.syncOnce();
    if (!synced.ok) {
      io.stderr(syncErrorLine(synced));
      return EXIT_USAGE;
    }
    const { reading } = opened.monitor.state();
    const language = opened.settings.read().language;
    const balance = BigInt(reading?.balance ?? 0);
    const problems: string[] = [];
    if (reading === null) problems.push('no billing data');
    if (reading?.quotaExhausted === true) problems.push('credit used up: API requests fail');
    if (balance < min)
      problems.push(`balance ${formatMoney(balance, language)} < ${formatExactMoney(min, language)}`);
    const runway = reading === null ? null : runwayCase(reading);
    if (runwayDays !== null && runway?.kind === 'fails' && runway.days < runwayDays) {
      problems.push(`runway: ${runwayLine(reading!, language)} (< ${runwayDays} days)`);
    }
    if (problems.length > 0) {
      io.stdout(`below: ${problems.join('; ')}\n`);
      return EXIT_BELOW;
    }
    const runwayNote = reading === null ? '' : `, runway: ${runwayLine(reading, language)}`;
    io.stdout(`ok: balance ${formatMoney(balance, language)}${runwayNote}\n`);
    return EXIT_OK;
  });
}
