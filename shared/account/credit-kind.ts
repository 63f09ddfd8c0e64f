/**
 * What a credit is, as people read it — the one mapping every surface uses (Credits, Spend's legend
 * and table, Auto-recharge, the export): a purchase, an auto-recharge, free credit or a correction
 * (a calibration). A credit the provider listed itself is none of those as far as Saldo knows: its
 * grants list does not say whether it was bought, recharged or given, so it is "listed by OpenAI",
 * never "free credit".
 */
import type { Language } from '../alerts/alert';
import type { GrantSource } from '../billing/types';
import type { LedgerEntry } from '../ledger/ledger-schema';

export const CREDIT_KINDS = ['purchase', 'auto-recharge', 'free-credit', 'correction', 'listed'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

/** The engine's source of a credit, or `provider`: one the provider's own grants list holds. */
export type CreditSource = GrantSource | 'provider';

const KIND_OF: Record<CreditSource, CreditKind> = {
  manual: 'purchase',
  import: 'purchase',
  auto: 'auto-recharge',
  grant: 'free-credit',
  calibration: 'correction',
  provider: 'listed',
};

export function creditKind(source: CreditSource): CreditKind {
  return KIND_OF[source];
}

/**
 * A credit's source as people read it: the engine's, except a grant the provider listed (`listed`:
 * the ids the engine gave those, electron/core/monitor/build-case.ts), which it only knows as a grant.
 */
export function creditSource(
  grant: { id: string; source: GrantSource },
  listed: ReadonlySet<string>,
): CreditSource {
  return grant.source === 'grant' && listed.has(grant.id) ? 'provider' : grant.source;
}

/** What the user recorded, by the same kinds: a balance they read off the billing page is a correction. */
export function entryKind(entry: LedgerEntry): CreditKind {
  switch (entry.type) {
    case 'purchase':
      return creditKind(entry.source);
    case 'grant':
      return creditKind('grant');
    case 'balance':
      return creditKind('calibration');
  }
}

export const CREDIT_KIND_LABELS: Record<Language, Record<CreditKind, string>> = {
  en: {
    purchase: 'Purchase',
    'auto-recharge': 'Auto-recharge',
    'free-credit': 'Free credit',
    correction: 'Correction',
    listed: 'Listed by OpenAI',
  },
  nl: {
    purchase: 'Aankoop',
    'auto-recharge': 'Automatisch opladen',
    'free-credit': 'Gratis tegoed',
    correction: 'Correctie',
    listed: 'Gemeld door OpenAI',
  },
};
