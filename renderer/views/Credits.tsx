/**
 * Credits — "what do I have, and what will I lose?" (ux.md §1 Credits): the summary strip, the
 * active credits in drawing order, the history outside every total, and what the user recorded.
 */
import { useApp, useMessages } from '../app-context';
import { NoDataYet } from '../components/NoDataYet';
import { creditsMessages } from '../i18n/messages/credits';
import { ActiveGrants } from './credits/ActiveGrants';
import { CreditActions } from './credits/CreditActions';
import { CreditSummary } from './credits/CreditSummary';
import { GrantHistory } from './credits/GrantHistory';
import { RecordedEntries } from './credits/RecordedEntries';

export function CreditsView() {
  const { state } = useApp();
  const m = useMessages(creditsMessages);
  return (
    <>
      <h1>{m.title}</h1>
      {state.account === null ? (
        <NoDataYet />
      ) : (
        <>
          <CreditSummary account={state.account} />
          <ActiveGrants />
          <GrantHistory />
        </>
      )}
      <CreditActions />
      <RecordedEntries />
    </>
  );
}
