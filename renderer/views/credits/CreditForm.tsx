/**
 * "Add purchase" and "Add free credit": the same fields (amount, day, reference; free credit also
 * an expiry), checked on the client first, then recorded in the ledger.
 */
import { useState, type FormEvent } from 'react';
import type { BridgeResult } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { Field } from '../../components/Field';
import { FormFeedback } from '../../components/FormFeedback';
import { SubmitButton } from '../../components/SubmitButton';
import { useSubmission } from '../../components/useSubmission';
import { money } from '../../i18n/format';
import { creditsMessages } from '../../i18n/messages/credits';
import {
  CREDIT_FIELDS,
  checkGrant,
  checkPurchase,
  utcDay,
  type Checked,
  type CreditFormValues,
} from './check-credit-form';

const EMPTY: CreditFormValues = { amount: '', day: '', expiresDay: '', reference: '' };

export function CreditForm({ kind }: { kind: 'purchase' | 'grant' }) {
  const { state, bridge, language, reload } = useApp();
  const m = useMessages(creditsMessages);
  const submission = useSubmission();
  const [values, setValues] = useState(EMPTY);
  const today = utcDay(state.now);
  const { limits } = state.autoRecharge;
  const errors = submission.fieldErrors;
  const set = (name: keyof CreditFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  async function send<T, R>(checked: Checked<T>, call: (request: T) => Promise<BridgeResult<R>>) {
    if (!checked.ok) {
      submission.reject(checked.errors);
      return;
    }
    const recorded = await submission.run(
      () => call(checked.request),
      CREDIT_FIELDS,
      () => m.form.recorded,
    );
    if (recorded === null) return;
    setValues(EMPTY);
    await reload();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const context = { language, m: m.form, today };
    if (kind === 'purchase') {
      void send(checkPurchase(values, { ...context, limits }), (request) =>
        bridge.call('ledger:add-purchase', request),
      );
    } else {
      void send(checkGrant(values, context), (request) => bridge.call('ledger:add-grant', request));
    }
  }

  const title = kind === 'purchase' ? m.actions.purchase : m.actions.grant;
  return (
    <form className="credit-form" aria-label={title} onSubmit={submit} noValidate>
      <Field
        label={m.form.amount}
        hint={
          kind === 'purchase'
            ? m.form.purchaseHint(money(limits.min, language), money(limits.max, language))
            : undefined
        }
        value={values.amount}
        onChange={set('amount')}
        error={errors.amount}
        inputMode="decimal"
        autoComplete="off"
      />
      <Field
        type="date"
        label={kind === 'purchase' ? m.form.boughtOn : m.form.receivedOn}
        hint={m.form.dayHint}
        value={values.day}
        onChange={set('day')}
        error={errors.at}
        max={today}
      />
      {kind === 'grant' ? (
        <Field
          type="date"
          label={m.form.expiresOn}
          hint={m.form.expiresHint}
          value={values.expiresDay}
          onChange={set('expiresDay')}
          error={errors.expiresAt}
        />
      ) : null}
      <Field
        label={m.form.reference}
        value={values.reference}
        onChange={set('reference')}
        error={errors.id}
        autoComplete="off"
        maxLength={200}
      />
      <div className="form-actions">
        <SubmitButton submission={submission}>{title}</SubmitButton>
      </div>
      <FormFeedback submission={submission} />
    </form>
  );
}
