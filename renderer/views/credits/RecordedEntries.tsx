/**
 * What the user recorded (ux.md §1 Credits 4), newest first, each with Remove and a confirm step so a
 * mistake can be undone without a second one. Focus stays where the user is: on the confirm button,
 * back on Remove after Cancel, on the heading once the row is gone.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { CREDIT_KIND_LABELS, entryKind } from '../../../shared/account/credit-kind';
import type { LedgerEntry } from '../../../shared/ledger/ledger-schema';
import { useApp, useMessages } from '../../app-context';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { FormFeedback } from '../../components/FormFeedback';
import { useSubmission } from '../../components/useSubmission';
import { date, money } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { creditsMessages } from '../../i18n/messages/credits';
import { microsOfUsdText } from '../../i18n/usd-input';

function amountOf(entry: LedgerEntry): number {
  return microsOfUsdText(entry.type === 'balance' ? entry.balance : entry.amount);
}

export function RecordedEntries() {
  const { state, bridge, language, reload } = useApp();
  const m = useMessages(creditsMessages);
  const common = useMessages(commonMessages);
  const submission = useSubmission();
  const [confirming, setConfirming] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const entries = [...state.entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const amountText = (entry: LedgerEntry) => money(amountOf(entry), language);
  const dayText = (entry: LedgerEntry) => date(Date.parse(entry.at), language);

  /** The entry whose Remove button gets focus back once its confirm step closes. */
  const returnTo = useRef<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    if (confirming !== null) {
      confirmButton.current?.focus();
    } else if (returnTo.current !== null) {
      removeButtons.current.get(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [confirming]);

  function cancel(id: string) {
    returnTo.current = id;
    setConfirming(null);
  }

  async function remove(id: string) {
    const removed = await submission.run(
      () => bridge.call('ledger:remove-entry', { id }),
      [],
      () => m.entries.removed,
    );
    if (removed === null) {
      cancel(id);
      return;
    }
    setConfirming(null);
    heading.current?.focus();
    await reload();
  }

  /** Remove, or the confirm step while it is open. */
  const actions = (entry: LedgerEntry) =>
    confirming === entry.id ? (
      <div
        className="confirm-remove"
        onKeyDown={(event) => {
          if (event.key === 'Escape') cancel(entry.id);
        }}
      >
        <span>{m.entries.confirm[entry.type](amountText(entry), dayText(entry))}</span>
        <button
          type="button"
          ref={confirmButton}
          disabled={submission.busy}
          onClick={() => void remove(entry.id)}
        >
          {m.entries.confirmRemove}
        </button>
        <button type="button" className="secondary" onClick={() => cancel(entry.id)}>
          {common.cancel}
        </button>
      </div>
    ) : (
      <button
        type="button"
        className="secondary"
        aria-label={m.entries.removeLabel(entry.id)}
        ref={(button) => {
          if (button) removeButtons.current.set(entry.id, button);
          else removeButtons.current.delete(entry.id);
        }}
        onClick={() => setConfirming(entry.id)}
      >
        {m.entries.remove}
      </button>
    );

  return (
    <section className="card recorded-entries" aria-labelledby={titleId}>
      <h2 className="card__title" id={titleId} tabIndex={-1} ref={heading}>
        {m.entries.title}
      </h2>
      {entries.length === 0 ? (
        <EmptyState title={m.entries.empty} />
      ) : (
        <DataTable
          caption={m.entries.caption}
          rowHeader={{
            header: m.entries.what,
            cell: (entry) => CREDIT_KIND_LABELS[language][entryKind(entry)],
          }}
          columns={[
            { header: m.entries.date, cell: dayText },
            { header: m.entries.amount, numeric: true, cell: amountText },
            { header: m.entries.reference, cell: (entry) => entry.id },
            { header: m.entries.actions, cell: actions },
          ]}
          rows={entries}
          rowKey={(entry) => entry.id}
        />
      )}
      <FormFeedback submission={submission} />
    </section>
  );
}
