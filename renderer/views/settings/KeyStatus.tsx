/**
 * Which key is in use and where it lives (ux.md §1 Settings 1): its kind and last four characters
 * only, never the key, and how its last test went. A stored key that cannot read costs says so.
 * Where no keychain answers, what to do about it, worded here from main's code in the UI language.
 */
import { useApp, useMessages } from '../../app-context';
import { StatusMark } from '../../components/StatusMark';
import { time } from '../../i18n/format';
import { settingsMessages } from '../../i18n/messages/settings';

export function KeyStatus() {
  const { state, language } = useApp();
  const { key: m } = useMessages(settingsMessages);
  const { store, keeper, file, advice, stored, lastCheck } = state.key;
  const noKeychain =
    store === 'unavailable' ? (
      <p className="key-status">
        <StatusMark tone="warning" label={m.unavailableWord} />{' '}
        {[m.unavailable, advice === null ? null : m.advice[advice], stored === null ? m.oneRun : null]
          .filter((sentence) => sentence !== null)
          .join(' ')}
      </p>
    ) : null;
  if (stored === null) return noKeychain ?? <p className="key-status">{m.none}</p>;
  const kind = m.kind[stored.kind];
  // `source: 'keychain'` means "kept by the store", which may be Saldo's encrypted file instead.
  const inFile = store === 'encrypted-file';
  const parts = [
    stored.source === 'keychain'
      ? (inFile ? m.inEncryptedFile : m.inKeychain)(kind)
      : m.fromEnvironment(kind),
    stored.last4 === '' ? null : m.endsIn(stored.last4),
    lastCheck === null
      ? null
      : lastCheck.ok
        ? m.checkWorks(time(lastCheck.at, language))
        : m.checkFailed(time(lastCheck.at, language), lastCheck.message),
  ].filter((part) => part !== null);
  return (
    <>
      <p className="key-status">{parts.join(' · ')}</p>
      <p className="key-status__origin">{m.givenFor(stored.origin)}</p>
      {stored.source === 'keychain' && keeper !== null ? (
        <p className="key-status__where">
          {inFile && file !== null ? m.whereFile(file, m.keeper[keeper]) : m.where(m.keeper[keeper])}
        </p>
      ) : null}
      {noKeychain}
      {stored.kind === 'admin' ? null : (
        <p className="key-status__warning">
          <StatusMark tone="warning" label={m.kind[stored.kind]} /> {m.projectKey}
        </p>
      )}
    </>
  );
}
