/** The one rule that reads the sync's health rather than the figures, and so runs on failed syncs. */
import { syncFailingCopy } from '../alert-copy';
import { SYNC_FAILING_AFTER_MS } from '../alert-settings';
import { latch, report } from '../latch';
import type { RuleContext, RuleOutput } from '../rule-context';

export function syncFailingRule(context: RuleContext, output: RuleOutput): void {
  const since = context.current.syncFailingSince;
  const failingFor = since === null ? 0 : context.now - since;
  const step = latch(
    context,
    output,
    'sync-failing',
    // Re-armed by the next successful sync, which is what clears `syncFailingSince`.
    { holds: since !== null && failingFor >= SYNC_FAILING_AFTER_MS, recovered: since === null },
    { evenWhenStale: true },
  );
  report(output, step, () => ({
    id: 'sync-failing',
    kind: 'sync-failing',
    severity: 'warning',
    ...syncFailingCopy(failingFor),
    view: 'settings',
  }));
}
