/**
 * The demo's own entries: what its ledger starts with, as if its owner had recorded them off the
 * billing page — the purchases, the free credit and one balance reading of the simulated account.
 * The simulator plans its history back from the moment it starts, so each new one brings its own
 * and they replace the last; what the user recorded in the demo stays. Pure, like ledger-edits.ts.
 */
import { z } from 'zod';
import { formatInstant } from '../billing/instant';
import { checkWith, type Checked } from '../storage/field-error';
import { ledgerEntrySchema, type Ledger, type LedgerEntry } from './ledger-schema';

/** The ids of the demo's own entries start with this; the user's entries are everything else. */
const DEMO_SEED_PREFIX = 'demo-';

const text = z.string();

/** The simulator's `GET /sim/ledger-seed` (control-routes.ts): engine events, JSON-shaped. */
const demoSeedSchema = z.object({
  credits: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('purchase'), id: text, at: text, amount: text, source: text }),
      z.object({ type: z.literal('grant'), id: text, at: text, amount: text, expiresAt: text.optional() }),
    ]),
  ),
  balance: z.object({ at: text, balance: text }),
});

export function isDemoSeedEntry(entry: Pick<LedgerEntry, 'id'>): boolean {
  return entry.id.startsWith(DEMO_SEED_PREFIX);
}

/**
 * The ledger with `seed` (as the simulator sent it) as the demo's own entries, recorded at
 * `recordedAt` (UTC ms): the previous ones are dropped, the user's stay after them. Each entry is
 * checked by the ledger's schema, so a seed the ledger could not hold changes nothing.
 */
export function replaceDemoSeed(ledger: Ledger, seed: unknown, recordedAt: number): Checked<Ledger> {
  const read = checkWith(demoSeedSchema, seed, 'seed');
  if (!read.ok) return read;
  const createdAt = formatInstant(recordedAt);
  const raw: object[] = [
    ...read.value.credits.map((credit) => ({ ...credit, id: `${DEMO_SEED_PREFIX}${credit.id}`, createdAt })),
    { type: 'balance', id: `${DEMO_SEED_PREFIX}balance`, ...read.value.balance, createdAt },
  ];
  const entries = checkWith(z.array(ledgerEntrySchema), raw, 'seed');
  if (!entries.ok) return entries;
  const own = ledger.entries.filter((entry) => !isDemoSeedEntry(entry));
  return { ok: true, value: { ...ledger, entries: [...entries.value, ...own] } };
}
