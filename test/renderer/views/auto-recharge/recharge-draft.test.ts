import { describe, expect, it } from 'vitest';
import { autoRechargeMessages } from '../../../../renderer/i18n/messages/auto-recharge';
import {
  checkDraft,
  draftOf,
  draftProjectionSettings,
  type RechargeDraft,
} from '../../../../renderer/views/auto-recharge/recharge-draft';

const limits = { min: 5_000_000, max: 50_000_000 };
const en = { language: 'en' as const, m: autoRechargeMessages.en.form, limits };
const topUp: RechargeDraft = {
  enabled: true,
  mode: 'topUp',
  threshold: '10',
  amount: '',
  target: '30',
  monthlyLimit: '',
};

describe('draftOf', () => {
  it('writes stored amounts the UI language way, and starts an unset form as OpenAI does', () => {
    const stored = {
      enabled: true,
      threshold: '12.5',
      mode: 'add' as const,
      amount: '20',
      target: null,
      monthlyLimit: null,
    };
    expect(draftOf(stored, 'nl')).toEqual({
      enabled: true,
      mode: 'add',
      threshold: '12,5',
      amount: '20',
      target: '',
      monthlyLimit: '',
    });
    expect(draftOf(null, 'en')).toMatchObject({ enabled: true, mode: 'topUp', threshold: '' });
  });
});

describe('draftProjectionSettings', () => {
  it('reads the draft into micro-dollars, null when off, incomplete while a needed field is missing', () => {
    expect(draftProjectionSettings({ ...topUp, monthlyLimit: '100' }, 'en')).toEqual({
      enabled: true,
      threshold: 10_000_000,
      mode: 'topUp',
      amount: null,
      target: 30_000_000,
      monthlyLimit: 100_000_000,
    });
    expect(draftProjectionSettings({ ...topUp, enabled: false }, 'en')).toBeNull();
    expect(draftProjectionSettings({ ...topUp, target: '' }, 'en')).toBe('incomplete');
    expect(draftProjectionSettings({ ...topUp, threshold: '10,' }, 'nl')).toBe('incomplete');
  });
});

describe('checkDraft', () => {
  it('sends only the amount the mode uses, as USD text', () => {
    expect(
      checkDraft(
        { ...topUp, amount: '99', threshold: '7,5' },
        { ...en, language: 'nl', m: autoRechargeMessages.nl.form },
      ),
    ).toEqual({
      ok: true,
      settings: {
        enabled: true,
        threshold: '7.5',
        mode: 'topUp',
        amount: null,
        target: '30',
        monthlyLimit: null,
      },
    });
  });

  it('names every broken rule at once', () => {
    expect(checkDraft({ ...topUp, mode: 'add', amount: '60', threshold: '', monthlyLimit: '0' }, en)).toEqual(
      {
        ok: false,
        errors: {
          threshold: 'Enter an amount: auto-recharge needs it when it is on.',
          amount:
            'Each recharge is a purchase, so it must be between $5.00 and $50.00. $60.00 is outside that range.',
          monthlyLimit: 'The monthly limit must be more than $0.00; leave it empty for no limit.',
        },
      },
    );
    expect(checkDraft({ ...topUp, target: '10' }, en)).toEqual({
      ok: false,
      errors: { target: 'The balance to top up to must be above the threshold of $10.00.' },
    });
  });

  it('checks only the format of a switched-off setting', () => {
    expect(checkDraft({ ...topUp, enabled: false, target: '' }, en)).toMatchObject({ ok: true });
    expect(checkDraft({ ...topUp, enabled: false, target: 'ten' }, en)).toEqual({
      ok: false,
      errors: { target: 'Enter an amount in USD, like $12.50, with at most 6 decimals.' },
    });
  });
});
