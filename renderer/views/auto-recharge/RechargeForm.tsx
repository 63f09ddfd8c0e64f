/**
 * The auto-recharge form (ux.md §1 Auto-recharge 3–5): on/off, the mode as two radio choices, the
 * amounts, the projection's warnings inline. "Apply" only where the backend takes settings (the
 * demo); for OpenAI a notice says Saldo cannot change them, and "Save" records what the user set there.
 */
import type { FormEvent } from 'react';
import type { Projection, RechargeSettings } from '../../../shared/dashboard/recharge-projection';
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { Checkbox } from '../../components/Checkbox';
import { DemoRecordNote } from '../../components/DemoRecordNote';
import { ExternalLink } from '../../components/ExternalLink';
import { Field } from '../../components/Field';
import { FormFeedback } from '../../components/FormFeedback';
import { SubmitButton } from '../../components/SubmitButton';
import { OPENAI_PAGES } from '../../../shared/openai-pages';
import { RadioGroup } from '../../components/RadioGroup';
import { useSubmission } from '../../components/useSubmission';
import { money } from '../../i18n/format';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { AMOUNT_FIELDS, checkDraft, type AmountField, type RechargeDraft } from './recharge-draft';
import { RechargeWarnings } from './RechargeWarnings';

export function RechargeForm({
  draft,
  onChange,
  projection,
  settings,
}: {
  draft: RechargeDraft;
  onChange(draft: RechargeDraft): void;
  projection: Projection | null;
  /** The draft as the projection reads it. */
  settings: RechargeSettings | null | 'incomplete';
}) {
  const { state, bridge, language, reload } = useApp();
  const m = useMessages(autoRechargeMessages).form;
  const submission = useSubmission();
  const canApply = state.backend.capabilities.autoRechargeSettings;
  const { limits } = state.autoRecharge;
  const errors = submission.fieldErrors;
  const amountField = (field: AmountField, label: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      value={draft[field]}
      onChange={(value) => onChange({ ...draft, [field]: value })}
      error={errors[field]}
      inputMode="decimal"
      autoComplete="off"
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkDraft(draft, { language, m, limits });
    if (!checked.ok) {
      submission.reject(checked.errors);
      return;
    }
    const answer = await submission.run(
      () => bridge.call('auto-recharge:set', { settings: checked.settings, apply: canApply }),
      AMOUNT_FIELDS,
      () => (canApply ? m.applied : m.saved),
    );
    if (answer !== null) await reload();
  }

  return (
    <Card title={m.title} className="recharge-form">
      <DemoRecordNote />
      {canApply ? null : (
        <div className="banner banner--info recharge-form__notice">
          <p>{m.openaiNotice}</p>
          <p>
            <ExternalLink href={OPENAI_PAGES.billing}>{m.openBilling}</ExternalLink>
          </p>
        </div>
      )}
      <form aria-label={m.title} onSubmit={(event) => void submit(event)} noValidate>
        <Checkbox
          label={m.enabled}
          checked={draft.enabled}
          onChange={(enabled) => onChange({ ...draft, enabled })}
        />
        <RadioGroup
          label={m.mode}
          options={[
            { value: 'add', label: m.add },
            { value: 'topUp', label: m.topUp },
          ]}
          value={draft.mode}
          onChange={(mode) => onChange({ ...draft, mode })}
        />
        {amountField('threshold', m.threshold)}
        {draft.mode === 'add'
          ? amountField(
              'amount',
              m.amount,
              m.limitsHint(money(limits.min, language), money(limits.max, language)),
            )
          : amountField('target', m.target)}
        {amountField('monthlyLimit', m.monthlyLimit)}
        {settings !== null && settings !== 'incomplete' && projection !== null ? (
          <RechargeWarnings warnings={projection.warnings} settings={settings} />
        ) : null}
        <div className="form-actions">
          <SubmitButton submission={submission}>{canApply ? m.apply : m.save}</SubmitButton>
        </div>
        <FormFeedback submission={submission} />
      </form>
    </Card>
  );
}
