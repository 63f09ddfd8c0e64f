/** "Export CSV" (ux.md §1 Spend 4): main writes the export, the renderer hands it to a download. */
import { useApp, useMessages } from '../../app-context';
import { downloadFile } from '../../components/download-file';
import { FormFeedback } from '../../components/FormFeedback';
import { useSubmission } from '../../components/useSubmission';
import { spendMessages } from '../../i18n/messages/spend';

export function ExportCsvButton() {
  const { bridge } = useApp();
  const m = useMessages(spendMessages);
  const submission = useSubmission();

  function exportCsv() {
    void submission.run(
      () => bridge.call('data:export', { format: 'csv' }),
      [],
      (file) => {
        downloadFile(file);
        return m.exported(file.filename);
      },
    );
  }

  return (
    <div className="spend-export">
      <button type="button" className="secondary" onClick={exportCsv} disabled={submission.busy}>
        {submission.busy ? m.exporting : m.exportCsv}
      </button>
      <FormFeedback submission={submission} />
    </div>
  );
}
