/** Export the ledger (ux.md §1 Settings 5): main builds the file, the page downloads it. */
import { useApp, useMessages } from '../../app-context';
import { downloadFile } from '../../components/download-file';
import { FormFeedback } from '../../components/FormFeedback';
import { useSubmission } from '../../components/useSubmission';
import { settingsMessages } from '../../i18n/messages/settings';

export function DataExport() {
  const { bridge, state } = useApp();
  const { data: m } = useMessages(settingsMessages);
  const submission = useSubmission();

  async function exportAs(format: 'csv' | 'json') {
    const file = await submission.run(
      () => bridge.call('data:export', { format }),
      [],
      ({ filename }) => m.exported(filename),
    );
    if (file !== null) downloadFile(file);
  }

  return (
    <>
      <p>{m.explain}</p>
      <div className="form-actions">
        <button type="button" onClick={() => void exportAs('csv')} disabled={submission.busy}>
          {m.csv}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void exportAs('json')}
          disabled={submission.busy}
        >
          {m.json}
        </button>
      </div>
      <FormFeedback submission={submission} />
      <p>
        {m.where} <code className="data-dir">{state.dataDir}</code>
      </p>
    </>
  );
}
