/**
 * The footer every view shares (ux.md §1 Overview 7): where the data comes from, when it was last
 * updated, and "Refresh now". Its geometry stays fixed while refreshing; the result of a refresh the
 * user asked for is announced politely, background polls never.
 */
import { useState } from 'react';
import { useApp, useMessages } from '../app-context';
import { commonMessages } from '../i18n/messages/common';
import { dateTime, time } from '../i18n/format';

export function SyncFooter() {
  const { state, bridge, language } = useApp();
  const m = useMessages(commonMessages);
  const [announcement, setAnnouncement] = useState('');
  const { sync } = state;
  const syncing = sync.state === 'syncing';
  const offline = sync.state === 'offline';
  const updated =
    sync.lastOkAt === null
      ? m.neverUpdated
      : offline
        ? m.offline(dateTime(sync.lastOkAt, language))
        : sync.state === 'failing'
          ? m.syncFailed(dateTime(sync.lastOkAt, language))
          : m.updatedAt(time(sync.lastOkAt, language));

  async function refresh() {
    setAnnouncement('');
    const answer = await bridge.call('sync:refresh-now', {});
    if (answer.ok) {
      const at = answer.value.lastOkAt;
      setAnnouncement(at === null ? m.neverUpdated : m.updatedAt(time(at, language)));
    } else {
      setAnnouncement(answer.error.message);
    }
  }

  return (
    <footer className="sync-footer">
      <span className="sync-footer__source">
        {state.backend.name === 'demo' ? (
          <span className="badge badge--demo">{m.demoBadge}</span>
        ) : (
          m.source.openai
        )}
      </span>
      <span className="sync-footer__updated">
        {updated}
        {/* The messages themselves are English (they quote the provider); the footer says what they mean. */}
        {sync.warnings.length === 0 ? null : <> {m.syncWarning}</>}
      </span>
      <button type="button" onClick={() => void refresh()} disabled={syncing || offline} aria-busy={syncing}>
        {syncing ? m.refreshing : m.refreshNow}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </footer>
  );
}
