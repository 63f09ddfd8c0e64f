/**
 * The client's checks of "Add purchase" and "Add free credit", in the UI language and naming the
 * rule (ux.md §1 Credits 4, key sentence 9), before anything goes over the bridge.
 */
import type { RequestOf } from '../../../shared/bridge';
import type { FieldErrors } from '../../components/useSubmission';
import { money, type Language } from '../../i18n/format';
import type { creditsMessages } from '../../i18n/messages/credits';
import { microsOfUsdText, readUsdInput } from '../../i18n/usd-input';

/** The request fields these forms show, as the server names them. */
export const CREDIT_FIELDS = ['amount', 'at', 'expiresAt', 'id'] as const;

/** A request once the client checks passed, or the errors that stop it. */
export type Checked<T> = { ok: true; request: T } | { ok: false; errors: FieldErrors };

export interface CreditFormValues {
  amount: string;
  /** `YYYY-MM-DD` from a date input; empty: today. */
  day: string;
  /** `YYYY-MM-DD`; empty: the usual expiry. Free credit only. */
  expiresDay: string;
  reference: string;
}

export interface CreditFormContext {
  language: Language;
  m: (typeof creditsMessages)['en']['form'];
  /** Today's UTC day on the backend's clock. */
  today: string;
}

const EXAMPLE_MICROS = 12_500_000;

/** The UTC day of an instant, as a date input holds it. */
export function utcDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Midnight UTC of a picked day; nothing for today or no day, so the store stamps the moment itself. */
function dayInstant(day: string, today: string): { at?: string } {
  return day === '' || day === today ? {} : { at: `${day}T00:00:00Z` };
}

function reference(typed: string): { id?: string } {
  const id = typed.trim();
  return id === '' ? {} : { id };
}

function readAmount(values: CreditFormValues, { language, m }: CreditFormContext) {
  const text = readUsdInput(values.amount, language);
  return text === null
    ? ({ ok: false, errors: { amount: m.invalidAmount(money(EXAMPLE_MICROS, language)) } } as const)
    : ({ ok: true, text, micros: microsOfUsdText(text) } as const);
}

export function checkPurchase(
  values: CreditFormValues,
  context: CreditFormContext & { limits: { min: number; max: number } },
): Checked<RequestOf<'ledger:add-purchase'>> {
  const amount = readAmount(values, context);
  if (!amount.ok) return amount;
  const { language, m, limits } = context;
  if (amount.micros < limits.min || amount.micros > limits.max) {
    const [min, max, typed] = [limits.min, limits.max, amount.micros].map((micros) =>
      money(micros, language),
    );
    return { ok: false, errors: { amount: m.outOfRange(min!, max!, typed!) } };
  }
  return {
    ok: true,
    request: {
      amount: amount.text,
      ...dayInstant(values.day, context.today),
      ...reference(values.reference),
    },
  };
}

export function checkGrant(
  values: CreditFormValues,
  context: CreditFormContext,
): Checked<RequestOf<'ledger:add-grant'>> {
  const amount = readAmount(values, context);
  if (!amount.ok) return amount;
  const { language, m, today } = context;
  if (amount.micros <= 0) return { ok: false, errors: { amount: m.notPositive(money(0, language)) } };
  if (values.expiresDay !== '' && values.expiresDay <= (values.day || today)) {
    return { ok: false, errors: { expiresAt: m.expiryNotAfter } };
  }
  return {
    ok: true,
    request: {
      amount: amount.text,
      ...dayInstant(values.day, today),
      ...(values.expiresDay === '' ? {} : { expiresAt: `${values.expiresDay}T00:00:00Z` }),
      ...reference(values.reference),
    },
  };
}
