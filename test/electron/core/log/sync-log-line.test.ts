import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/bridge';
import { syncLogLine } from '../../../../electron/core/log';

const base: SyncStatus = {
  state: 'ok',
  lastAttemptAt: 1_000,
  lastOkAt: 1_000,
  failingSince: null,
  error: null,
  warnings: [],
  nextAt: null,
  progress: null,
};

const refused: SyncStatus = {
  ...base,
  state: 'failing',
  lastAttemptAt: 2_000,
  failingSince: 2_000,
  error: {
    source: 'backend',
    kind: 'auth',
    code: null,
    reason: 'invalid-key',
    message: 'OpenAI refused the key (costs: HTTP 401)',
  },
};

describe('what main.log says about syncing', () => {
  it('says once that a sync failed, with its kind, reason and message', () => {
    const syncing: SyncStatus = { ...base, state: 'syncing', lastAttemptAt: 2_000 };
    expect(syncLogLine(base, syncing)).toBeNull();
    expect(syncLogLine(syncing, refused)).toEqual({
      level: 'warn',
      text: 'sync failed (backend auth, invalid-key): OpenAI refused the key (costs: HTTP 401)',
    });
    // The same outcome told again (a snapshot after the sync event) is not a second failure.
    expect(syncLogLine(refused, { ...refused })).toBeNull();
  });

  it('says when syncing works again, and nothing for a sync that simply went well', () => {
    const recovered: SyncStatus = { ...base, lastAttemptAt: 3_000, lastOkAt: 3_000 };
    expect(syncLogLine(refused, recovered)).toEqual({ level: 'info', text: 'sync works again' });
    expect(syncLogLine(recovered, { ...recovered, lastAttemptAt: 4_000, lastOkAt: 4_000 })).toBeNull();
  });
});
