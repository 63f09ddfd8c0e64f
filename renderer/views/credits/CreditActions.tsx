/**
 * Add purchase, Add free credit, Correct balance (ux.md §1 Credits 4): each a disclosure, so the
 * forms are one click away without a dialog to trap focus in.
 */
import { useMessages } from '../../app-context';
import { CalibrateForm } from '../../components/CalibrateForm';
import { Card } from '../../components/Card';
import { DemoRecordNote } from '../../components/DemoRecordNote';
import { creditsMessages } from '../../i18n/messages/credits';
import { CreditForm } from './CreditForm';

export function CreditActions() {
  const m = useMessages(creditsMessages);
  return (
    <Card title={m.actions.title} className="credit-actions">
      <DemoRecordNote />
      <details className="disclosure">
        <summary>{m.actions.purchase}</summary>
        <CreditForm kind="purchase" />
      </details>
      <details className="disclosure">
        <summary>{m.actions.grant}</summary>
        <CreditForm kind="grant" />
      </details>
      <details className="disclosure">
        <summary>{m.actions.calibrate}</summary>
        <CalibrateForm />
      </details>
    </Card>
  );
}
