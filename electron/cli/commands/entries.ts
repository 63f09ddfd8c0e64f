/**
 * What the user records from the billing page: `purchase add`, `grant add`, `calibrate` (the
 * balance the page shows now), and `ledger list|remove`. Checked by the ledger's own edits, which
 * name the bad field; nothing is written on a refusal.
 */
import { formatInstant, parseInstant } from '../../../shared/billing/instant';
import { parseAmount } from '../../../shared/billing/money';
import type { LedgerEntry } from '../../../shared/ledger/ledger-schema';
import type { OpenedMonitor } from '../../core/monitor';
import type { StoreResult } from '../../core/stores';
import { instantOption, readOptions, required } from '../args';
import { storeFailure, withMonitor } from '../context';
import { demoNote } from '../demo-note';
import { formatDate, formatExactMoney, formatMoment } from '../format';
import { EXIT_OK, UserError, type CliIo } from '../io';

export const purchaseUsage = [
  'purchase add --amount USD [--at WHEN] [--id ID]',
  'record credit you bought',
] as const;
export const grantUsage = [
  'grant add --amount USD [--expires WHEN] [--at WHEN] [--id ID]',
  'record free credit granted to you',
] as const;
export const calibrateUsage = [
  'calibrate --balance USD [--at WHEN]',
  'record the balance the billing page shows now',
] as const;
export const ledgerUsage = [
  'ledger list [--json] | ledger remove ID',
  'what you recorded; remove an entry',
] as const;

const nowText = (): string => formatInstant(Date.now());

function mustStore<T>(result: StoreResult<T>): T {
  if (!result.ok) throw storeFailure(result.error);
  return result.value;
}

/** Runs an edit on the ledger of the backend in use, then says what was recorded, and where. */
async function record(io: CliIo, edit: (opened: OpenedMonitor) => Promise<LedgerEntry>): Promise<number> {
  return withMonitor(io, async (opened) => {
    const entry = await edit(opened);
    io.stdout(`Recorded ${entry.type} ${entry.id}.\n${demoNote(opened, io.env)}`);
    return EXIT_OK;
  });
}

export async function purchaseCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UserError('purchase', `usage: saldo ${purchaseUsage[0]}`);
  const spec = { amount: { type: 'string' }, at: { type: 'string' }, id: { type: 'string' } } as const;
  const { values } = readOptions(rest, spec, 'purchase add', purchaseUsage[0]);
  const amount = required(values.amount, 'amount');
  const at = instantOption(values.at, 'at') ?? nowText();
  return record(io, async ({ ledger }) =>
    mustStore(ledger.addPurchase({ amount, at, ...(values.id ? { id: values.id } : {}) })),
  );
}

export async function grantCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UserError('grant', `usage: saldo ${grantUsage[0]}`);
  const spec = {
    amount: { type: 'string' },
    expires: { type: 'string' },
    at: { type: 'string' },
    id: { type: 'string' },
  } as const;
  const { values } = readOptions(rest, spec, 'grant add', grantUsage[0]);
  const amount = required(values.amount, 'amount');
  const at = instantOption(values.at, 'at') ?? nowText();
  const expiresAt = instantOption(values.expires, 'expires');
  return record(io, async ({ ledger }) => {
    const added = ledger.addGrant({
      amount,
      at,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      ...(values.id ? { id: values.id } : {}),
    });
    // The schema names the field `expiresAt`; the user typed `--expires`.
    if (!added.ok && added.error.kind === 'invalid' && added.error.field === 'expiresAt') {
      throw new UserError('expires', added.error.message);
    }
    return mustStore(added);
  });
}

export async function calibrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const spec = { balance: { type: 'string' }, at: { type: 'string' } } as const;
  const { values } = readOptions(args, spec, 'calibrate', calibrateUsage[0]);
  const balance = required(values.balance, 'balance');
  const at = instantOption(values.at, 'at') ?? nowText();
  return record(io, async ({ ledger }) => mustStore(ledger.addBalance({ balance, at })));
}

/** A recorded entry, its amount as recorded (every digit the user gave). */
function entryRow(entry: LedgerEntry, language: 'en' | 'nl'): string[] {
  const at = formatMoment(parseInstant(entry.at)!, language);
  const money = (text: string) => formatExactMoney(parseAmount(text)!, language);
  switch (entry.type) {
    case 'purchase':
      return [entry.id, 'purchase', at, money(entry.amount), entry.source];
    case 'grant': {
      const expires =
        entry.expiresAt === undefined
          ? 'default expiry'
          : `expires ${formatDate(parseInstant(entry.expiresAt)!, language)}`;
      return [entry.id, 'grant', at, money(entry.amount), expires];
    }
    case 'balance':
      return [entry.id, 'balance', at, money(entry.balance), 'calibration'];
  }
}

/** Rows in aligned columns. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows
    .map((row) => `  ${row.map((cell, index) => cell.padEnd(widths[index]! + 2)).join('')}`.trimEnd() + '\n')
    .join('');
}

export async function ledgerCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = readOptions(
      rest,
      { json: { type: 'boolean' } },
      'ledger list',
      'ledger list [--json]',
    );
    return withMonitor(io, async ({ ledger, settings }) => {
      const entries = ledger.read().entries;
      if (values.json === true) {
        io.stdout(`${JSON.stringify({ entries }, null, 2)}\n`);
      } else if (entries.length === 0) {
        io.stdout('Nothing recorded yet: saldo purchase add --amount 20\n');
      } else {
        const language = settings.read().language;
        io.stdout(
          columns([['ID', 'TYPE', 'AT', 'AMOUNT', ''], ...entries.map((entry) => entryRow(entry, language))]),
        );
      }
      return EXIT_OK;
    });
  }
  if (sub === 'remove') {
    const { positionals } = readOptions(rest, {}, 'ledger remove', 'ledger remove ID', 1);
    const id = required(positionals[0], 'id');
    return withMonitor(io, async (opened) => {
      mustStore(opened.ledger.removeEntry(id));
      io.stdout(`Removed ${id}.\n${demoNote(opened, io.env)}`);
      return EXIT_OK;
    });
  }
  throw new UserError('ledger', `usage: saldo ${ledgerUsage[0]}`);
}
