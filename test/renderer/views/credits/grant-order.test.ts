import { describe, expect, it } from 'vitest';
import { creditTotals, historyOf, inDrawingOrder } from '../../../../renderer/views/credits/grant-order';
import { grantRow, NOW } from '../../support/dashboard-fixture';

const DAY = 86_400_000;

describe('inDrawingOrder', () => {
  it('puts free credit first, then the soonest expiry, and leaves out what no longer counts', () => {
    const grants = [
      grantRow('late-purchase', { expiresAt: NOW + 300 * DAY }),
      grantRow('late-free', { source: 'grant', expiresAt: NOW + 200 * DAY }),
      grantRow('soon-purchase', { expiresAt: NOW + 5 * DAY }),
      grantRow('pending', { status: 'pending', source: 'auto', expiresAt: NOW + 365 * DAY }),
      grantRow('soon-free', { source: 'grant', expiresAt: NOW + 20 * DAY }),
      grantRow('expired', { status: 'expired', source: 'grant', expiresAt: NOW - DAY }),
      grantRow('used-up', { status: 'depleted', expiresAt: NOW + DAY }),
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
      grantRow('soon', { remaining: 3_000_000, expiresAt: NOW + 30 * DAY, forfeitRisk: 1_000_000 }),
      grantRow('later', { remaining: 9_000_000, expiresAt: NOW + 31 * DAY, forfeitRisk: 500_000 }),
      grantRow('expired', {
        status: 'expired',
        remaining: 7_000_000,
        expiresAt: NOW - DAY,
        forfeitRisk: 4_000_000,
      }),
    ];
    expect(creditTotals(grants, NOW)).toEqual({ expiringSoon: 3_000_000, likelyUnused: 1_500_000 });
  });
});
