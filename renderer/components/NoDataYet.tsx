/**
 * What a view shows before the ledger holds anything: the first sync's progress ("3 of 15", ux.md §2
 * Loading) while it runs, else that the first refresh is on its way.
 */
import { useApp, useMessages } from '../app-context';
import { count } from '../i18n/format';
import { commonMessages } from '../i18n/messages/common';
import { EmptyState } from './EmptyState';

export function NoDataYet() {
  const { state, language } = useApp();
  const m = useMessages(commonMessages);
  const { progress } = state.sync;
  if (state.sync.state !== 'syncing') return <EmptyState title={m.noData} />;
  return (
    <EmptyState
      title={
        progress === null
          ? m.firstSync
          : m.firstSyncProgress(count(progress.done, language), count(progress.total, language))
      }
    />
  );
}
