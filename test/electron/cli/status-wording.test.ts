/**
 * How `saldo status` words the account: this month's spend by the month's name ("Spent in December
 * 2026", "Uitgegeven in december 2026"), and "Confirmed" only for a balance someone confirmed — the
 * user's calibration or the provider's own report — never for one Saldo computed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth } from '../../../electron/cli/format';
import { startSimulator, type RunningSimulator } from '../../../electron/core/simulator';
import { FAKE_ADMIN_KEY } from '../core/secrets/secrets-test-kit';
import { succeeding, tempHomes } from './temp-homes';

let listing: RunningSimulator;
beforeAll(async () => {
  listing = await startSimulator({ scenario: 'listed-grants' });
});
afterAll(async () => {
  await listing.close();
});

const newHome = tempHomes();
const saldo = (env: Record<string, string>, language: 'en' | 'nl' = 'en') =>
  succeeding(newHome(language), env);

const account = (baseUrl = 'http://127.0.0.1:9/v1') => ({
  OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY,
  OPENAI_BASE_URL: baseUrl,
});

describe('this month’s spend', () => {
  it('is named by its month and year, in English and Dutch', () => {
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('2026-12', 'nl')).toBe('december 2026');
    expect(formatMonth('0999-01', 'en')).toBe('January 999');
  });

  it('saldo status says "Spent in <month> <year>", not the month key', async () => {
    const english = await saldo({ SALDO_DEMO: '1' })('sync');
    expect(english).toMatch(/^ {2}Spent in [A-Z][a-z]+ \d{4} +\$[\d.,]+$/m);
    expect(english).not.toMatch(/Spent in \d{4}-\d\d/);
    const dutch = await saldo({ SALDO_DEMO: '1' }, 'nl')('sync');
    expect(dutch).toMatch(/^ {2}Uitgegeven in [a-z]+ \d{4} +US\$\s[\d.,]+$/m);
  });
});

describe('the spend limit', () => {
  it('saldo status puts this month’s spend against OpenAI’s hard limit, the same figures as --json', async () => {
    const run = saldo({ SALDO_DEMO: '1' });
    await run('sync');
    const json = JSON.parse(await run('status', '--json')) as {
      account: {
        month: { spent: number };
        spendLimit: { limit: number; spentThisMonth: number; fraction: number };
      };
    };
    const { spendLimit } = json.account;
    // The demo organisation's $120, not auto-recharge's $80 monthly limit; the month's own spend.
    expect(spendLimit.limit).toBe(120);
    expect(spendLimit.spentThisMonth).toBe(json.account.month.spent);
    const percent = Math.floor(spendLimit.fraction * 100 + 1e-9);
    const spent = spendLimit.spentThisMonth.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
    const line = /^ {2}Spend limit +(.+)$/m.exec(await run('status'));
    expect(line?.[1]).toBe(`${spent} of the $120.00 monthly spend limit (${percent}%)`);
  });

  it('is worded in Dutch with the glossary’s "uitgavenlimiet"', async () => {
    const dutch = await saldo({ SALDO_DEMO: '1' }, 'nl')('sync');
    expect(dutch).toMatch(
      /^ {2}Uitgavenlimiet +US\$\s[\d.,]+ van de maandelijkse uitgavenlimiet van US\$\s120,00 \(\d+%\)$/m,
    );
  });

  it('is left out where none is set', async () => {
    const empty = await startSimulator({ scenario: 'empty' });
    try {
      const run = saldo(account(empty.baseUrl));
      await run('purchase', 'add', '--amount', '5', '--at', '2026-11-01T10:00:00Z');
      const text = await run('sync');
      expect(text).toMatch(/^ {2}Balance +\$5\.00$/m);
      expect(text).not.toMatch(/Spend limit/);
      expect(JSON.parse(await run('status', '--json'))).toMatchObject({ account: { spendLimit: null } });
    } finally {
      await empty.close();
    }
  });
});

describe('Confirmed', () => {
  it('does not appear for a computed balance; it does once the user calibrates, with the amount as entered', async () => {
    const run = saldo(account());
    await run('purchase', 'add', '--amount', '50', '--at', '2026-11-01T10:00:00Z');
    const computed = await run('status');
    expect(computed).not.toMatch(/Confirmed/);
    expect(computed).toMatch(/^ {2}Estimated +from your purchases and spend; not confirmed yet/m);

    await run('calibrate', '--balance', '41.5015', '--at', '2026-11-02T09:30:00Z');
    const confirmed = await run('status');
    expect(confirmed).toMatch(/^ {2}Balance +\$41\.50$/m);
    expect(confirmed).toMatch(
      // The instant is shown in the machine's time zone.
      /^ {2}Confirmed +\$41\.5015 on Nov [12], 2026, .+ \(you entered it\); \$0\.00 spent since$/m,
    );
    expect(confirmed).not.toMatch(/Estimated/);
  });

  it('says the provider reported it when its own balance report was the calibration', async () => {
    const text = await saldo(account(listing.baseUrl))('sync');
    expect(text).toMatch(/^ {2}Confirmed +\$[\d.,]+ on .+ \(OpenAI reported it\); \$[\d.,]+ spent since$/m);
  });
});
