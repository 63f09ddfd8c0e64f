import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/alerts/alert';
import {
  ALERT_HISTORY_DAYS,
  ALERT_HISTORY_MAX,
  alertHistorySchema,
  appendAlertHistory,
  type AlertRecord,
} from '../../../shared/alerts/alert-history';
import { formatInstant, MS_PER_DAY } from '../../../shared/billing/instant';
import { recordAlerts } from '../../../shared/ledger/ledger-edits';
import { emptyLedger } from '../../../shared/ledger/ledger-schema';

const NOW = Date.parse('2026-11-27T12:00:00Z');

function alert(id: string): Alert {
  return {
    id,
    kind: 'low-balance',
    severity: 'warning',
    title: { en: `Low balance ${id}`, nl: `Laag saldo ${id}` },
    body: { en: 'Buy credit.', nl: 'Koop tegoed.' },
    view: 'overview',
  };
}

function record(id: string, at: number): AlertRecord {
  return { alert: alert(id), firedAt: formatInstant(at) };
}

describe('appendAlertHistory', () => {
  it('appends what fired at the evaluation instant, oldest first', () => {
    const before = [record('a', NOW - MS_PER_DAY)];
    const after = appendAlertHistory(before, [alert('b'), alert('c')], NOW);
    expect(after).toEqual([record('a', NOW - MS_PER_DAY), record('b', NOW), record('c', NOW)]);
    expect(alertHistorySchema.safeParse(after).success).toBe(true);
  });

  it('drops what is older than 90 days, keeping the 90th day itself', () => {
    const limit = NOW - ALERT_HISTORY_DAYS * MS_PER_DAY;
    const after = appendAlertHistory([record('old', limit - 1), record('kept', limit)], [], NOW);
    expect(after.map((entry) => entry.alert.id)).toEqual(['kept']);
  });

  it('keeps at most 500 entries, dropping the oldest', () => {
    const full = Array.from({ length: ALERT_HISTORY_MAX }, (_, index) =>
      record(`r${index}`, NOW - 1000 + index),
    );
    const after = appendAlertHistory(full, [alert('new')], NOW);
    expect(after).toHaveLength(ALERT_HISTORY_MAX);
    expect(after[0]!.alert.id).toBe('r1');
    expect(after.at(-1)!.alert.id).toBe('new');
  });

  it('hands back the same list when nothing fired and nothing aged out (the store then writes nothing)', () => {
    const history = [record('a', NOW - MS_PER_DAY)];
    expect(appendAlertHistory(history, [], NOW)).toBe(history);
  });
});

describe('recordAlerts (ledger edit)', () => {
  it('keeps the memory and appends the fired alerts in one change', () => {
    const memory = { 'low-balance': { active: true, firedAt: formatInstant(NOW) } };
    const edited = recordAlerts(emptyLedger(), memory, [alert('low-balance')], NOW);
    expect(edited).toMatchObject({
      ok: true,
      value: { alertMemory: memory, alertHistory: [record('low-balance', NOW)] },
    });
  });

  it('refuses an alert it could not store again, naming the field', () => {
    const bad = { ...alert('x'), kind: 'not-a-kind' } as unknown as Alert;
    expect(recordAlerts(emptyLedger(), {}, [bad], NOW)).toMatchObject({
      ok: false,
      error: { field: 'alertHistory.0.alert.kind' },
    });
  });
});
