/**
 * Test and Remove for the key in use. Removing asks first, in place: focus moves to the confirming
 * button and goes back to Remove on Cancel or Escape. The answer stays after the key is gone.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp, useMessages } from '../../app-context';
import { FormFeedback } from '../../components/FormFeedback';
import { useSubmission } from '../../components/useSubmission';
import { commonMessages } from '../../i18n/messages/common';
import { time } from '../../i18n/format';
import { settingsMessages } from '../../i18n/messages/settings';

export function KeyActions() {
  const { state, bridge, language } = useApp();
  const { key: m } = useMessages(settingsMessages);
  const common = useMessages(commonMessages);
  const submission = useSubmission();
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function test() {
    await submission.run(
      () => bridge.call('key:test', {}),
      [],
      ({ checkedAt, message }) => m.works(time(checkedAt, language), message),
    );
  }

  async function remove() {
    setConfirming(false);
    await submission.run(
      () => bridge.call('key:clear', {}),
      [],
      ({ removed }) => (removed ? m.removed : m.nothingRemoved),
    );
  }

  return (
    <div className="key-actions">
      {state.key.stored === null ? null : confirming ? (
        <div
          className="key-actions__confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p>{m.confirmRemove}</p>
          <div className="form-actions">
            <button type="button" ref={confirmButton} onClick={() => void remove()}>
              {m.removeKey}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {common.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => void test()}
            disabled={submission.busy}
            aria-busy={submission.busy}
          >
            {m.test}
          </button>
          <button type="button" className="secondary" ref={removeButton} onClick={() => setConfirming(true)}>
            {m.remove}
          </button>
        </div>
      )}
      {/* The key status above shows the check and the removal: here they are only announced. */}
      <FormFeedback submission={submission} quietDone />
    </div>
  );
}
