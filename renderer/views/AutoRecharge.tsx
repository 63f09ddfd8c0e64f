/**
 * Auto-recharge — "what will it charge, and when does it stop?" (ux.md §1 Auto-recharge). The form
 * holds a draft; the projection follows the draft as the user types, so they see what a setting
 * would do before saving it.
 */
import { useState } from 'react';
import { useApp, useMessages } from '../app-context';
import { autoRechargeMessages } from '../i18n/messages/auto-recharge';
import { CurrentSetting } from './auto-recharge/CurrentSetting';
import { ProjectionSection } from './auto-recharge/ProjectionSection';
import { RechargeForm } from './auto-recharge/RechargeForm';
import { RechargeMissing } from './auto-recharge/RechargeMissing';
import { RechargesMade } from './auto-recharge/RechargesMade';
import { draftOf, draftProjectionSettings } from './auto-recharge/recharge-draft';
import { projectFromState } from './auto-recharge/recharge-preview';

export function AutoRechargeView() {
  const { state, language } = useApp();
  const m = useMessages(autoRechargeMessages);
  const [draft, setDraft] = useState(() => draftOf(state.autoRecharge.settings, language));
  const settings = draftProjectionSettings(draft, language);
  const projection = settings === 'incomplete' ? null : projectFromState(state, settings);
  const missing = state.alerts.current.find((alert) => alert.kind === 'recharge-missing');
  return (
    <>
      <h1>{m.title}</h1>
      {missing ? <RechargeMissing alert={missing} /> : null}
      <CurrentSetting />
      <ProjectionSection projection={projection} settings={settings} />
      <RechargeForm draft={draft} onChange={setDraft} projection={projection} settings={settings} />
      <RechargesMade />
    </>
  );
}
