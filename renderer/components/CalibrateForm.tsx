/**
 * "Enter the balance OpenAI's billing page shows": a calibration (`ledger:calibrate`), because
 * OpenAI has no balance API and Saldo's figure is a reconciliation (ux.md §1 Settings 2). Used by
 * Settings and Credits; the caller gives the heading.
 */
import { useState, type FormEvent } from 'react';
import { useApp, useMessages } from '../app-context';
import { money } from '../i18n/format';
import { calibrateMessages } from '../i18n/messages/calibrate';
import { microsOfUsdText, readUsdInput } from '../i18n/usd-input';
import { ExternalLink } from './ExternalLink';
import { Field } from './Field';
import { FormFeedback } from './FormFeedback';
import { SubmitButton } from './SubmitButton';
import { OPENAI_PAGES } from '../../shared/openai-pages';
import { useSubmission } from './useSubmission';

const EXAMPLE_MICROS = 42_100_000;

export function CalibrateForm() {
  const { bridge, language } = useApp();
  const m = useMessages(calibrateMessages);
  const [typed, setTyped] = useState('');
  const submission = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const balance = readUsdInput(typed, language, { signed: true });
    if (balance === null) {
      submission.reject({ balance: m.invalid(money(EXAMPLE_MICROS, language)) });
      return;
    }
    const entry = await submission.run(
      () => bridge.call('ledger:calibrate', { balance }),
      ['balance'],
      () => m.saved(money(microsOfUsdText(balance), language)),
    );
    if (entry !== null) setTyped('');
  }

  return (
    <form className="calibrate-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label={m.label}
        hint={m.hint(money(EXAMPLE_MICROS, language))}
        value={typed}
        onChange={setTyped}
        error={submission.fieldErrors.balance}
        inputMode="decimal"
        autoComplete="off"
      />
      <div className="form-actions">
        <SubmitButton submission={submission}>{m.submit}</SubmitButton>
        <ExternalLink href={OPENAI_PAGES.billing}>{m.openBilling}</ExternalLink>
      </div>
      <FormFeedback submission={submission} />
    </form>
  );
}
