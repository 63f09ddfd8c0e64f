import { describe, expect, it } from 'vitest';
import type { GrantRow } from '../../../../shared/bridge';
import { creditTotals, historyOf, inDrawingOrder } from '../../../../renderer/views/credits/grant-order';

const NOW = Date.parse('2026-11-27T10:42:00Z');
const DAY = 86_400_000;

function grant(id: string, overrides: Partial<GrantRow>): GrantRow {
  return {
    id,
    source: 'manual',
    amount: 10_000_000,
    used: 0,
    remaining: 10_000_000,
    forfeited: 0,
    at: NOW - 10 * DAY,
    effectiveAt: NOW - 10 * DAY,
    expiresAt: NOW + 100 * DAY,
    status: 'active',
    forfeitRisk: 0,
    ...overrides,
  };
}

describe('inDrawingOrder', () => {
  it('puts free credit first, then the soonest expiry, and leaves out what no longer counts', () => {
    const grants = [
      grant('late-purchase', { expiresAt: NOW + 300 * DAY }),
      grant('late-free', { source: 'grant', expiresAt: NOW + 200 * DAY }),
      grant('soon-purchase', { expiresAt: NOW + 5 * DAY }),
      grant('pending', { status: 'pending', source: 'auto', expiresAt: NOW + 365 * DAY }),
      grant('soon-free', { source: 'grant', expiresAt: NOW + 20 * DAY }),
      grant('expired', { status: 'expired', source: 'grant', expiresAt: NOW - DAY }),
      grant('used-up', { status: 'depleted', expiresAt: NOW + DAY }),
    ];
    expect(inDrawingOrder(grants).map((g) => g.id)).toEqual([
      'soon-free',
      'late-free',
      'soon-purchase',
      'late-purchase',
      'pending',
    ]);
    expect(historyOf(grants).map((g) => g.id)).toEqual(['used-up', 'expired']);
  });
});

describe('creditTotals', () => {
  it('counts only active and pending grants, expiring within 30 days for the first figure', () => {
    const grants = [
      grant('soon', { remaining: 3_000_000, expiresAt: NOW + 30 * DAY, forfeitRisk: 1_000_000 }),
      grant('later', { remaining: 9_000_000, expiresAt: NOW + 31 * DAY, forfeitRisk: 500_000 }),
      grant('expired', {
        status: 'expired',
        remaining: 7_000_000,
        expiresAt: NOW - DAY,
        forfeitRisk: 4_000_000,
      }),
    ];
    expect(creditTotals(grants, NOW)).toEqual({ expiringSoon: 3_000_000, likelyUnused: 1_500_000 });
  });
});
