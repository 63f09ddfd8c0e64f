/**
 * The auto-recharge form as typed: amounts as the user writes them ("12,50"), read into the USD
 * text the bridge takes, and checked on the client in the UI language, naming the rule.
 */
import type { RequestOf } from '../../../shared/bridge';
import { rechargeSettingsOf, type RechargeSettings } from '../../../shared/dashboard/recharge-projection';
import type { AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import type { FieldErrors } from '../../components/useSubmission';
import { money, type Language } from '../../i18n/format';
import type { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { microsOfUsdText, readUsdInput } from '../../i18n/usd-input';

/** What `auto-recharge:set` takes as settings: amounts as USD text. */
export type SettingsText = NonNullable<RequestOf<'auto-recharge:set'>['settings']>;

/** The amount fields, as the server names them in its errors. */
export const AMOUNT_FIELDS = ['threshold', 'amount', 'target', 'monthlyLimit'] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];

export interface RechargeDraft extends Record<AmountField, string> {
  enabled: boolean;
  mode: 'add' | 'topUp';
}

const EXAMPLE_MICROS = 12_500_000;

/** The form's first values: the stored setting with amounts written the UI language's way. */
export function draftOf(settings: AutoRechargeSettings | null, language: Language): RechargeDraft {
  const typed = (text: string | null) =>
    text === null ? '' : language === 'nl' ? text.replace('.', ',') : text;
  if (settings === null) {
    // OpenAI's own form: "when the balance goes below …, bring it back up to …".
    return { enabled: true, mode: 'topUp', threshold: '', amount: '', target: '', monthlyLimit: '' };
  }
  return {
    enabled: settings.enabled,
    mode: settings.mode,
    threshold: typed(settings.threshold),
    amount: typed(settings.amount),
    target: typed(settings.target),
    monthlyLimit: typed(settings.monthlyLimit),
  };
}

/** The fields the mode uses; the other amount is sent as null. */
function usedFields(mode: RechargeDraft['mode']): AmountField[] {
  return ['threshold', mode === 'add' ? 'amount' : 'target', 'monthlyLimit'];
}

/** The draft as USD text settings, and the fields that are no amount. */
export function readDraft(draft: RechargeDraft, language: Language) {
  const used = usedFields(draft.mode);
  const unreadable: AmountField[] = [];
  const text = (field: AmountField): string | null => {
    if (!used.includes(field) || draft[field].trim() === '') return null;
    const read = readUsdInput(draft[field], language);
    if (read === null) unreadable.push(field);
    return read;
  };
  const settings: SettingsText = {
    enabled: draft.enabled,
    mode: draft.mode,
    threshold: text('threshold'),
    amount: text('amount'),
    target: text('target'),
    monthlyLimit: text('monthlyLimit'),
  };
  return { settings, unreadable };
}

/**
 * What the projection runs on while the user types: null when auto-recharge is off, `incomplete`
 * while a field the mode needs is empty or no amount yet.
 */
export function draftProjectionSettings(
  draft: RechargeDraft,
  language: Language,
): RechargeSettings | null | 'incomplete' {
  if (!draft.enabled) return null;
  const { settings, unreadable } = readDraft(draft, language);
  return (unreadable.length === 0 ? rechargeSettingsOf(settings) : null) ?? 'incomplete';
}

export interface CheckContext {
  language: Language;
  m: (typeof autoRechargeMessages)['en']['form'];
  limits: { min: number; max: number };
}

/** Every rule the engine would refuse, as localized errors by field; a disabled setting is only read. */
export function checkDraft(
  draft: RechargeDraft,
  { language, m, limits }: CheckContext,
): { ok: true; settings: SettingsText } | { ok: false; errors: FieldErrors } {
  const { settings, unreadable } = readDraft(draft, language);
  const errors: FieldErrors = {};
  for (const field of unreadable) errors[field] = m.invalidAmount(money(EXAMPLE_MICROS, language));
  const usd = (micros: number) => money(micros, language);
  if (settings.enabled) {
    for (const field of usedFields(draft.mode).filter((name) => name !== 'monthlyLimit')) {
      if (settings[field] === null && errors[field] === undefined) errors[field] = m.required;
    }
    if (settings.amount !== null) {
      const amount = microsOfUsdText(settings.amount);
      if (amount < limits.min || amount > limits.max) {
        errors.amount = m.outOfRange(usd(limits.min), usd(limits.max), usd(amount));
      }
    }
    if (
      settings.target !== null &&
      settings.threshold !== null &&
      microsOfUsdText(settings.target) <= microsOfUsdText(settings.threshold)
    ) {
      errors.target = m.targetNotAbove(usd(microsOfUsdText(settings.threshold)));
    }
    if (settings.monthlyLimit !== null && microsOfUsdText(settings.monthlyLimit) <= 0) {
      errors.monthlyLimit = m.limitNotPositive(usd(0));
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, settings } : { ok: false, errors };
}
