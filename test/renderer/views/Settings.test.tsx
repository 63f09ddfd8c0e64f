import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeApi, DashboardState, KeyInfo } from '../../../shared/bridge';
import { time } from '../../../renderer/i18n/format';
import { SettingsView } from '../../../renderer/views/Settings';
import { dashboardFixture, NOW } from '../support/dashboard-fixture';
import { renderView, type Answers } from '../support/render-view';
import { axeViolations } from './axe-violations';
import { steadySpend } from './steady-spend';

const ADMIN_KEY = 'sk-admin-0123456789abcdefghijklmnopWXYZ';

function fixture(overrides: Partial<DashboardState> = {}, language: 'en' | 'nl' = 'en'): DashboardState {
  const base = dashboardFixture({ spend: steadySpend(), ...overrides });
  return { ...base, settings: { ...base.settings, language } };
}

function withKey(stored: KeyInfo['stored'], language: 'en' | 'nl' = 'en') {
  const base = fixture({}, language);
  return { ...base, key: { ...base.key, stored } };
}

/** A key kept in the desktop app's safeStorage file, where the keychain did not answer. */
function inEncryptedFile(language: 'en' | 'nl'): DashboardState {
  const base = withKey(
    { kind: 'admin', last4: 'abcd', source: 'keychain', origin: 'https://api.openai.com' },
    language,
  );
  const file = '/home/me/.config/Saldo/secrets.json';
  return { ...base, key: { ...base.key, store: 'encrypted-file', keeper: 'kwallet', file } };
}

function withCheck(lastCheck: KeyInfo['lastCheck'], language: 'en' | 'nl' = 'en') {
  const base = withKey(
    { kind: 'admin', last4: 'abcd', source: 'keychain', origin: 'https://api.openai.com' },
    language,
  );
  return { ...base, key: { ...base.key, lastCheck } };
}

/** The key entry (the card around it is a region of the same name). */
function keyField(name: string): HTMLElement {
  return screen.getByLabelText(name, { selector: 'input' });
}

function renderSettings(state: DashboardState = fixture(), answers?: Answers) {
  return { user: userEvent.setup(), ...renderView(SettingsView, { state, answers }) };
}

function card(name: string | RegExp): HTMLElement {
  return screen.getByRole('heading', { level: 2, name }).closest('section')!;
}

afterEach(() => {
  vi.restoreAllMocks();
  delete window.saldo;
});

describe('SettingsView', () => {
  it('puts the connection first, under one h1', () => {
    renderSettings();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(sections).toEqual([
      'Connection',
      'Admin key',
      "Enter the balance OpenAI's billing page shows",
      'Refresh',
      'Language and startup',
      'Notifications',
      'Data',
    ]);
  });

  describe('connection', () => {
    it('sends the chosen backend and base URL', async () => {
      const { user, calls } = renderSettings();
      const connection = within(card('Connection'));
      expect(connection.getByRole('radio', { name: 'Demo' })).toBeChecked();
      await user.click(connection.getByRole('radio', { name: 'OpenAI' }));
      const url = connection.getByLabelText('OpenAI address (base URL)');
      await user.clear(url);
      await user.type(url, 'https://relay.example.com/v1');
      await user.click(connection.getByRole('button', { name: 'Save' }));
      expect(calls).toEqual([
        {
          channel: 'settings:update',
          request: { backend: 'openai', baseUrl: 'https://relay.example.com/v1' },
        },
      ]);
    });

    it('follows the snapshot for what the user did not touch, keeping what was typed', async () => {
      const { user, update } = renderSettings();
      const connection = within(card('Connection'));
      const url = connection.getByLabelText('OpenAI address (base URL)');
      await user.clear(url);
      await user.type(url, 'https://relay.example.com/v1');
      const base = fixture();
      update({ ...base, settings: { ...base.settings, backend: 'openai' } });
      expect(connection.getByRole('radio', { name: 'OpenAI' })).toBeChecked();
      expect(url).toHaveValue('https://relay.example.com/v1');
    });

    it('refuses an address that is not http(s), in the UI language, without calling the bridge', async () => {
      const { user, calls } = renderSettings();
      const connection = within(card('Connection'));
      const url = connection.getByLabelText('OpenAI address (base URL)');
      await user.clear(url);
      await user.type(url, 'ftp://example.com');
      await user.click(connection.getByRole('button', { name: 'Save' }));
      expect(calls).toEqual([]);
      expect(url).toHaveValue('ftp://example.com');
      expect(url).toHaveAccessibleDescription(
        /Enter an http or https address like https:\/\/api\.openai\.com\/v1/,
      );
    });
  });

  describe('an address the key was not given for', () => {
    const OPENAI_KEY = {
      kind: 'admin',
      last4: 'abcd',
      source: 'keychain',
      origin: 'https://api.openai.com',
    } as const;
    const SAY = {
      en: 'The key was given for https://api.openai.com. After saving this address, enter the key again; Saldo sends it nowhere else.',
      nl: 'De sleutel is opgegeven voor https://api.openai.com. Vul de sleutel opnieuw in nadat je dit adres hebt opgeslagen; Saldo stuurt hem nergens anders heen.',
    } as const;

    function liveNotice(): HTMLElement {
      const notice = card(/^(Connection|Verbinding)$/).querySelector('[aria-live]');
      expect(notice).toHaveAttribute('aria-live', 'polite');
      return notice as HTMLElement;
    }

    it.each(['en', 'nl'] as const)(
      'is said beside the field while it is typed, before saving (%s)',
      async (language) => {
        const { user, calls } = renderSettings(withKey(OPENAI_KEY, language));
        const url = within(card(/Connection|Verbinding/)).getByRole('textbox');
        expect(liveNotice()).toBeEmptyDOMElement();
        await user.clear(url);
        await user.type(url, 'https://relay.example.com/v1');
        expect(liveNotice()).toHaveTextContent(SAY[language]);
        expect(calls).toEqual([]);
        // Another path on the key's own origin takes the key nowhere new.
        await user.clear(url);
        await user.type(url, 'https://API.openai.com:443/v2');
        expect(liveNotice()).toBeEmptyDOMElement();
      },
    );

    it('is not said without a key', async () => {
      const { user } = renderSettings();
      const url = within(card('Connection')).getByLabelText('OpenAI address (base URL)');
      await user.clear(url);
      await user.type(url, 'https://relay.example.com/v1');
      expect(liveNotice()).toBeEmptyDOMElement();
    });

    it.each([
      ['en', 'Admin key for https://relay.example.com'],
      ['nl', 'Admin-sleutel voor https://relay.example.com'],
    ] as const)('asks for the key for the new address once it is saved (%s)', async (language, label) => {
      const before = withKey(OPENAI_KEY, language);
      const { user, calls, update } = renderSettings(before);
      const url = within(card(/Connection|Verbinding/)).getByRole('textbox');
      await user.clear(url);
      await user.type(url, 'https://relay.example.com/v1');
      await user.click(within(card(/Connection|Verbinding/)).getByRole('button'));
      expect(calls).toEqual([
        { channel: 'settings:update', request: { baseUrl: 'https://relay.example.com/v1' } },
      ]);
      // Main saves it and keeps the key where it was given: the snapshot says so.
      update({
        ...before,
        settings: { ...before.settings, baseUrl: 'https://relay.example.com/v1' },
        key: { ...before.key, address: 'https://relay.example.com/v1' },
      });
      const field = keyField(label);
      await user.type(field, ADMIN_KEY);
      await user.click(within(card(/^Admin/)).getByRole('button', { name: /Store key|Sleutel opslaan/ }));
      expect(calls.at(-1)).toEqual({
        channel: 'key:set',
        request: { key: ADMIN_KEY, baseUrl: 'https://relay.example.com/v1' },
      });
    });
  });

  describe('key status', () => {
    it('says no key is stored', () => {
      renderSettings();
      expect(screen.getByText('No key stored. Saldo shows demo data.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Test' })).not.toBeInTheDocument();
      expect(keyField('Admin key')).toBeInTheDocument();
    });

    it('shows a stored key by kind and last four only, and where it lives', () => {
      renderSettings(
        withKey({ kind: 'admin', last4: 'abcd', source: 'keychain', origin: 'https://api.openai.com' }),
      );
      expect(screen.getByText('Admin key stored in your system keychain · ends in abcd')).toBeInTheDocument();
      expect(
        screen.getByText('Keychain: the Secret Service keyring (GNOME Keyring or KWallet), service "Saldo"'),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('Replace the Admin key')).toBeInTheDocument();
    });

    it('shows how the last test went, with when', () => {
      const at = NOW - 7 * 60_000;
      const { unmount } = renderView(SettingsView, { state: withCheck({ at, ok: true, message: 'fine' }) });
      expect(
        screen.getByText(
          `Admin key stored in your system keychain · ends in abcd · works · checked ${time(at, 'en')}`,
        ),
      ).toBeInTheDocument();
      unmount();

      renderSettings(withCheck({ at, ok: false, message: 'auth: OpenAI refused the key (401)' }));
      expect(
        screen.getByText(
          `Admin key stored in your system keychain · ends in abcd · failed · checked ${time(at, 'en')}: auth: OpenAI refused the key (401)`,
        ),
      ).toBeInTheDocument();
    });

    it.each([
      [
        'en',
        'Admin key stored encrypted by Saldo on this computer · ends in abcd',
        'File: /home/me/.config/Saldo/secrets.json, encrypted with KWallet',
        'Replace the Admin key',
        /^Saldo encrypts the key on this computer and never shows it again/,
      ],
      [
        'nl',
        'Admin-sleutel versleuteld opgeslagen door Saldo op deze computer · eindigt op abcd',
        'Bestand: /home/me/.config/Saldo/secrets.json, versleuteld met KWallet',
        'Admin-sleutel vervangen',
        /^Saldo versleutelt de sleutel op deze computer en toont hem nooit meer/,
      ],
    ] as const)(
      'says a key in the encrypted file is not in the keychain (%s)',
      (language, status, where, label, hint) => {
        renderSettings(inEncryptedFile(language));
        expect(screen.getByText(status)).toBeInTheDocument();
        expect(screen.getByText(where)).toBeInTheDocument();
        expect(screen.queryByText(/keychain|sleutelhanger/i)).not.toBeInTheDocument();
        expect(keyField(label)).toHaveAccessibleDescription(hint);
        expect(keyField(label)).toBeEnabled();
      },
    );

    it('shows a test that arrives in the snapshot', () => {
      const view = renderView(SettingsView, { state: withCheck(null) });
      expect(screen.queryByText(/checked/)).not.toBeInTheDocument();
      view.update(withCheck({ at: NOW, ok: true, message: 'fine' }));
      expect(screen.getByText(new RegExp(`works · checked ${time(NOW, 'en')}$`))).toBeInTheDocument();
    });

    it('says when the key comes from the environment, and warns about a key that cannot read costs', () => {
      renderSettings(
        withKey({ kind: 'project', last4: 'wxyz', source: 'environment', origin: 'https://api.openai.com' }),
      );
      expect(
        screen.getByText('Project key from OPENAI_ADMIN_KEY, for this run only · ends in wxyz'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/This is a project key\. Reading costs needs an Admin key/),
      ).toBeInTheDocument();
    });

    /** No keychain answers here; `advice` is main's code for what to do about it. */
    function withoutKeychain(advice: KeyInfo['advice'], language: 'en' | 'nl' = 'en'): DashboardState {
      const base = fixture({}, language);
      return { ...base, key: { ...base.key, store: 'unavailable', keeper: null, advice } };
    }

    it('explains an unavailable keychain, says what to install, and disables the entry', () => {
      renderSettings(withoutKeychain('install-keyring'));
      expect(
        screen.getByText(
          "No system keychain is available on this computer, so Saldo can't store a key. Install your system's keyring (Debian/Ubuntu: sudo apt install libsecret-1-0 gnome-keyring; on KDE, KWallet), log in to your desktop again and start Saldo again. To use a key for one run, start Saldo with OPENAI_ADMIN_KEY set.",
        ),
      ).toBeInTheDocument();
      expect(keyField('Admin key')).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Store key' })).toBeDisabled();
    });

    it.each([
      ['install-keytar', /libsecret-1-dev and the build tools .*, then run npm install in Saldo's folder/],
      [
        'build-keytar',
        /libsecret-1-dev and the build tools .*, then run npm rebuild keytar in Saldo's folder/,
      ],
      ['install-keyring', /sudo apt install libsecret-1-0 gnome-keyring/],
      ['reinstall', /Reinstall Saldo\./],
    ] as const)('gives the advice for %s', (advice, words) => {
      renderSettings(withoutKeychain(advice));
      expect(screen.getByText(words)).toBeInTheDocument();
    });

    it('says it all in Dutch on a Dutch screen, with no English sentence from main', () => {
      const { container } = renderSettings(withoutKeychain('build-keytar', 'nl'));
      const status = container.querySelector('.key-status')!;
      expect(status).toHaveTextContent(
        'Geen sleutelhanger Op deze computer is geen sleutelhanger van je systeem beschikbaar, dus Saldo kan geen sleutel opslaan. Installeer libsecret-1-dev en de bouwgereedschappen (Debian/Ubuntu: sudo apt install libsecret-1-dev build-essential python3) en voer daarna npm rebuild keytar uit in de map van Saldo. Wil je een sleutel één keer gebruiken, start Saldo dan met OPENAI_ADMIN_KEY ingesteld.',
      );
    });

    it('names the keychain in the language of the screen', () => {
      renderSettings(
        withKey({ kind: 'admin', last4: 'abcd', source: 'keychain', origin: 'https://api.openai.com' }, 'nl'),
      );
      expect(
        screen.getByText(
          'Sleutelhanger: de Secret Service-sleutelhanger (GNOME Keyring of KWallet), dienst "Saldo"',
        ),
      ).toBeInTheDocument();
    });

    it('still says where the key comes from when it is OPENAI_ADMIN_KEY for want of a keychain', () => {
      const base = withoutKeychain('install-keyring');
      renderSettings({
        ...base,
        key: {
          ...base.key,
          stored: { kind: 'admin', last4: 'wxyz', source: 'environment', origin: 'https://api.openai.com' },
        },
      });
      expect(
        screen.getByText('Admin key from OPENAI_ADMIN_KEY, for this run only · ends in wxyz'),
      ).toBeInTheDocument();
      expect(screen.getByText(/^No system keychain is available on this computer/)).not.toHaveTextContent(
        'OPENAI_ADMIN_KEY',
      );
    });

    it('explains Admin versus project keys with a link to OpenAI', () => {
      renderSettings();
      expect(screen.getByText(/which only organization owners can create/)).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Create an Admin key on OpenAI' })).toHaveAttribute(
        'href',
        'https://platform.openai.com/settings/organization/admin-keys',
      );
    });
  });

  describe('key entry', () => {
    it('is a write-only password field', () => {
      renderSettings();
      const input = keyField('Admin key');
      expect(input).toHaveAttribute('type', 'password');
      expect(input).toHaveAttribute('autocomplete', 'off');
      expect(input).toHaveAttribute('spellcheck', 'false');
    });

    it.each([
      'sk-proj-abcdefghijklmnopqrstuvwx1234',
      'sk-svcacct-abcdefghijklmnopqrstu1234',
      'sk-abcdefghijklmnop1234',
    ])('never sends %s to the bridge and explains that an Admin key is needed', async (key) => {
      const { user, calls } = renderSettings();
      const input = keyField('Admin key');
      await user.type(input, key);
      await user.click(screen.getByRole('button', { name: 'Store key' }));
      expect(calls).toEqual([]);
      expect(input).toHaveValue('');
      expect(input).toHaveAccessibleDescription(
        /This is a project key\. Reading costs needs an Admin key \(it starts with sk-admin-\), which only organization owners can create\./,
      );
      expect(document.body.innerHTML).not.toContain(key);
    });

    it('refuses an empty field and a text that is no OpenAI key without calling the bridge', async () => {
      const { user, calls } = renderSettings();
      const input = keyField('Admin key');
      await user.click(screen.getByRole('button', { name: 'Store key' }));
      expect(input).toHaveAccessibleDescription(/Paste an Admin key first/);
      await user.type(input, 'hello');
      await user.click(screen.getByRole('button', { name: 'Store key' }));
      expect(input).toHaveAccessibleDescription(/This is not an OpenAI key/);
      expect(calls).toEqual([]);
    });

    it('stores an Admin key with key:set, empties the field and shows only the last four', async () => {
      const log = vi.spyOn(console, 'log');
      const error = vi.spyOn(console, 'error');
      const { user, calls } = renderSettings(fixture(), {
        'key:set': () => ({ ok: true, value: { kind: 'admin', last4: 'WXYZ' } }),
      });
      const input = keyField('Admin key');
      await user.type(input, ADMIN_KEY);
      await user.keyboard('{Enter}');
      expect(calls).toEqual([
        { channel: 'key:set', request: { key: ADMIN_KEY, baseUrl: 'https://api.openai.com/v1' } },
      ]);
      expect(input).toHaveValue('');
      expect(await screen.findByText('Admin key stored · ends in WXYZ.')).toBeInTheDocument();
      expect(document.body.innerHTML).not.toContain(ADMIN_KEY);
      const logged = [...log.mock.calls, ...error.mock.calls].flat().map(String).join('\n');
      expect(logged).not.toContain(ADMIN_KEY);
    });

    it('shows the answer of a refused key beside the field', async () => {
      const { user } = renderSettings(fixture(), {
        'key:set': () => ({
          ok: false,
          error: { field: 'key', message: 'The key is incomplete: copy it again.' },
        }),
      });
      const input = keyField('Admin key');
      await user.type(input, 'sk-admin-short');
      await user.click(screen.getByRole('button', { name: 'Store key' }));
      expect(await screen.findByText('The key is incomplete: copy it again.')).toBeInTheDocument();
      expect(input).toHaveAccessibleDescription(/The key is incomplete/);
      expect(input).toHaveValue('');
    });
  });

  describe('test and remove', () => {
    const stored = {
      kind: 'admin',
      last4: 'abcd',
      source: 'keychain',
      origin: 'https://api.openai.com',
    } as const;

    it('tests the key and shows the answer', async () => {
      const { user, calls } = renderSettings(withKey(stored), {
        'key:test': () => ({
          ok: true,
          value: { checkedAt: NOW, message: 'OpenAI answered with 1 day of costs.' },
        }),
      });
      await user.click(screen.getByRole('button', { name: 'Test' }));
      expect(calls).toEqual([{ channel: 'key:test', request: {} }]);
      const announced = await screen.findByText(
        `Works · checked ${time(NOW, 'en')}. OpenAI answered with 1 day of costs.`,
      );
      // Announced politely; shown once, by the key status (which the next snapshot carries).
      expect(announced).toHaveAttribute('role', 'status');
      expect(announced).toHaveClass('visually-hidden');
    });

    it('shows a failed test as an error', async () => {
      const { user } = renderSettings(withKey(stored), {
        'key:test': () => ({ ok: false, error: { field: 'key', message: 'OpenAI refused the key (401).' } }),
      });
      await user.click(screen.getByRole('button', { name: 'Test' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('OpenAI refused the key (401).');
    });

    it('asks before removing, and Cancel or Escape return focus to Remove without calling the bridge', async () => {
      const { user, calls } = renderSettings(withKey(stored));
      await user.click(screen.getByRole('button', { name: 'Remove' }));
      expect(screen.getByText(/Remove the stored key\?/)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Remove key' })).toHaveFocus();
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();

      await user.keyboard('{Enter}');
      expect(screen.getByRole('button', { name: 'Remove key' })).toHaveFocus();
      await user.keyboard('{Escape}');
      expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();
      expect(calls).toEqual([]);
    });

    it('removes the key with key:clear once confirmed', async () => {
      const { user, calls } = renderSettings(withKey(stored), {
        'key:clear': () => ({ ok: true, value: { removed: true } }),
      });
      await user.click(screen.getByRole('button', { name: 'Remove' }));
      await user.click(screen.getByRole('button', { name: 'Remove key' }));
      expect(calls).toEqual([{ channel: 'key:clear', request: {} }]);
      expect(await screen.findByText('Key removed. Saldo shows demo data.')).toBeInTheDocument();
    });
  });

  describe('balance correction', () => {
    it('sends the balance the billing page shows', async () => {
      const { user, calls } = renderSettings();
      const field = screen.getByLabelText('Balance on the billing page (USD)');
      await user.type(field, '$40.25');
      await user.click(screen.getByRole('button', { name: 'Correct balance' }));
      expect(calls).toEqual([{ channel: 'ledger:calibrate', request: { balance: '40.25' } }]);
      expect(await screen.findByText('Balance corrected to $40.25.')).toBeInTheDocument();
      expect(field).toHaveValue('');
    });

    it('accepts a negative balance and names the rule for text that is no amount', async () => {
      const { user, calls } = renderSettings();
      const field = screen.getByLabelText('Balance on the billing page (USD)');
      await user.type(field, 'forty');
      await user.click(screen.getByRole('button', { name: 'Correct balance' }));
      expect(field).toHaveAccessibleDescription(/Enter the balance as an amount in USD, like \$42\.10/);
      expect(field).toHaveValue('forty');
      await user.clear(field);
      await user.type(field, '-$1.37');
      await user.click(screen.getByRole('button', { name: 'Correct balance' }));
      expect(calls).toEqual([{ channel: 'ledger:calibrate', request: { balance: '-1.37' } }]);
    });

    it('shows the server error beside the field, keeping what was typed', async () => {
      const { user } = renderSettings(fixture(), {
        'ledger:calibrate': () => ({ ok: false, error: { field: 'balance', message: 'must be below 10^9' } }),
      });
      const field = screen.getByLabelText('Balance on the billing page (USD)');
      await user.type(field, '12');
      await user.click(screen.getByRole('button', { name: 'Correct balance' }));
      expect(await screen.findByText('must be below 10^9')).toBeInTheDocument();
      expect(field).toHaveValue('12');
    });
  });

  describe('refresh interval', () => {
    it('sends a whole number of minutes in range, and names the range otherwise', async () => {
      const { user, calls } = renderSettings();
      const field = screen.getByLabelText('Refresh every (minutes)');
      expect(field).toHaveValue('15');
      expect(field).toHaveAccessibleDescription('From 1 to 1,440 minutes; the default is 15.');
      await user.clear(field);
      await user.type(field, '0');
      await user.click(within(card('Refresh')).getByRole('button', { name: 'Save' }));
      expect(field).toHaveAccessibleDescription(/Enter a whole number of minutes from 1 to 1,440\./);
      expect(calls).toEqual([]);
      await user.clear(field);
      await user.type(field, '30');
      await user.click(within(card('Refresh')).getByRole('button', { name: 'Save' }));
      expect(calls).toEqual([{ channel: 'settings:update', request: { pollIntervalMinutes: 30 } }]);
    });
  });

  describe('language, theme and launch at login', () => {
    it('switches the language with settings:update, and the UI follows the next snapshot', async () => {
      const { user, calls, update } = renderSettings();
      await user.click(screen.getByRole('radio', { name: 'Nederlands' }));
      expect(calls).toEqual([{ channel: 'settings:update', request: { language: 'nl' } }]);
      expect(screen.getByRole('radio', { name: 'Nederlands' })).toBeChecked();
      update(fixture({}, 'nl'));
      expect(screen.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeInTheDocument();
    });

    it('moves through the themes with the arrow keys, sending each', async () => {
      const { user, calls } = renderSettings();
      screen.getByRole('radio', { name: 'System' }).focus();
      await user.keyboard('{ArrowRight}');
      expect(calls).toEqual([{ channel: 'settings:update', request: { theme: 'light' } }]);
      expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
    });

    it('falls back and shows the error when the update is refused', async () => {
      const { user } = renderSettings(fixture(), {
        'settings:update': () => ({
          ok: false,
          error: { field: 'theme', message: 'could not write settings' },
        }),
      });
      await user.click(screen.getByRole('radio', { name: 'Dark' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('could not write settings');
      expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
    });

    it('shows launch at login disabled in browser mode', () => {
      renderSettings();
      const box = screen.getByRole('checkbox', { name: 'Start Saldo when you log in' });
      expect(box).toBeDisabled();
      expect(box).toHaveAccessibleDescription('Only in the desktop app');
    });

    it('turns launch at login on in the desktop app', async () => {
      window.saldo = {} as BridgeApi;
      const { user, calls } = renderSettings();
      const box = screen.getByRole('checkbox', { name: 'Start Saldo when you log in' });
      expect(box).toBeEnabled();
      await user.click(box);
      expect(calls).toEqual([{ channel: 'settings:update', request: { launchAtLogin: true } }]);
    });
  });

  describe('notifications', () => {
    it('in browser mode offers nothing that needs the desktop app, and says so', () => {
      renderSettings();
      const notifications = within(card('Notifications'));
      for (const name of [
        'Play a sound with notifications',
        'Show the balance beside the menu-bar icon (macOS)',
      ]) {
        const box = notifications.getByRole('checkbox', { name });
        expect(box).toBeDisabled();
        expect(box).toHaveAccessibleDescription('Only in the desktop app');
      }
      const test = notifications.getByRole('button', { name: 'Send a test notification' });
      expect(test).toBeDisabled();
      expect(test).toHaveAccessibleDescription('Only in the desktop app');
    });

    it('in the desktop app turns the sound and the menu-bar balance off, and sends a test', async () => {
      window.saldo = {} as BridgeApi;
      const { user, calls } = renderSettings(fixture(), {
        'notifications:test': () => ({ ok: true, value: { shown: true } }),
      });
      const notifications = within(card('Notifications'));
      const sound = notifications.getByRole('checkbox', { name: 'Play a sound with notifications' });
      expect(sound).toBeChecked();
      await user.click(sound);
      await user.click(notifications.getByRole('checkbox', { name: /menu-bar icon/ }));
      await user.click(notifications.getByRole('button', { name: 'Send a test notification' }));
      expect(calls).toEqual([
        { channel: 'settings:update', request: { notificationSound: false } },
        { channel: 'settings:update', request: { trayTitle: false } },
        { channel: 'notifications:test', request: {} },
      ]);
      expect(await notifications.findByRole('status')).toHaveTextContent(
        'Sent. If nothing appeared, allow notifications for Saldo in your system settings.',
      );
    });

    it('says why a test notification could not be shown', async () => {
      window.saldo = {} as BridgeApi;
      const { user } = renderSettings(fixture(), {
        'notifications:test': () => ({
          ok: false,
          error: { field: 'notifications', message: 'This system does not show notifications.' },
        }),
      });
      await user.click(screen.getByRole('button', { name: 'Send a test notification' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('This system does not show notifications.');
    });

    it('speaks Dutch', () => {
      const base = fixture();
      renderSettings({ ...base, settings: { ...base.settings, language: 'nl' } });
      const notifications = within(card('Meldingen'));
      expect(notifications.getByRole('checkbox', { name: 'Geluid bij meldingen' })).toBeInTheDocument();
      expect(notifications.getByRole('button', { name: 'Testmelding sturen' })).toBeInTheDocument();
    });
  });

  describe('data export', () => {
    it.each([
      ['csv', 'Export as CSV', 'saldo-ledger.csv', 'text/csv'],
      ['json', 'Export as JSON', 'saldo-ledger.json', 'application/json'],
    ])('exports %s as a download', async (format, button, filename, mediaType) => {
      const createObjectURL = vi.fn(() => 'blob:saldo');
      const revokeObjectURL = vi.fn();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      const clicked: HTMLAnchorElement[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
      const { user, calls } = renderSettings(fixture(), {
        'data:export': () => ({ ok: true, value: { filename, mediaType, content: 'day,amount\n' } }),
      });
      await user.click(screen.getByRole('button', { name: button }));
      expect(calls).toEqual([{ channel: 'data:export', request: { format } }]);
      expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
      expect(clicked).toHaveLength(1);
      expect(clicked[0]!.download).toBe(filename);
      expect(clicked[0]!.href).toBe('blob:saldo');
      expect(await screen.findByText(`Downloaded ${filename}.`)).toBeInTheDocument();
    });

    it('says where the files live, in both languages', () => {
      renderSettings(fixture());
      expect(screen.getByText('/home/someone/.config/saldo')).toBeInTheDocument();
      expect(screen.getByText(/Saldo keeps its files/)).toBeInTheDocument();
      cleanup();
      renderSettings(withKey(null, 'nl'));
      expect(screen.getByText(/Saldo bewaart zijn bestanden/)).toBeInTheDocument();
    });

    it('shows an export error', async () => {
      const { user } = renderSettings(fixture(), {
        'data:export': () => ({
          ok: false,
          error: { field: 'store', message: 'The ledger could not be read.' },
        }),
      });
      await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('The ledger could not be read.');
    });
  });

  describe('in Dutch', () => {
    it('shows the sections, key status and fields in Dutch', () => {
      renderSettings(
        withKey({ kind: 'admin', last4: 'abcd', source: 'keychain', origin: 'https://api.openai.com' }, 'nl'),
      );
      expect(screen.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name: 'Verbinding' })).toBeInTheDocument();
      expect(
        screen.getByText('Admin-sleutel opgeslagen in de sleutelhanger van je systeem · eindigt op abcd'),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('Admin-sleutel vervangen')).toBeInTheDocument();
      expect(
        screen.getByRole('heading', { name: 'Vul het saldo in dat de facturatiepagina van OpenAI toont' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('checkbox', { name: 'Saldo starten als je inlogt' }),
      ).toHaveAccessibleDescription('Alleen in de desktop-app');
      expect(screen.getByLabelText('Vernieuwen elke (minuten)')).toHaveAccessibleDescription(
        'Van 1 tot 1.440 minuten; standaard is 15.',
      );
    });

    it('shows how the last key test went in Dutch', () => {
      const { unmount } = renderView(SettingsView, {
        state: withCheck({ at: NOW, ok: true, message: 'fine' }, 'nl'),
      });
      expect(
        screen.getByText(
          `Admin-sleutel opgeslagen in de sleutelhanger van je systeem · eindigt op abcd · werkt · gecontroleerd om ${time(NOW, 'nl')}`,
        ),
      ).toBeInTheDocument();
      unmount();
      renderSettings(withCheck({ at: NOW, ok: false, message: 'auth: refused' }, 'nl'));
      expect(
        screen.getByText(new RegExp(`· mislukt · gecontroleerd om ${time(NOW, 'nl')}: auth: refused$`)),
      ).toBeInTheDocument();
    });

    it('explains a project key in Dutch without calling the bridge', async () => {
      const { user, calls } = renderSettings(fixture({}, 'nl'));
      const input = keyField('Admin-sleutel');
      await user.type(input, 'sk-proj-abcdefghijklmnopqrstuvwx1234');
      await user.click(screen.getByRole('button', { name: 'Sleutel opslaan' }));
      expect(calls).toEqual([]);
      expect(input).toHaveAccessibleDescription(
        /Dit is een projectsleutel\. Voor het lezen van de kosten is een Admin-sleutel nodig \(die begint met sk-admin-\); alleen eigenaren van de organisatie kunnen die aanmaken\./,
      );
    });

    it('reads a Dutch balance with a decimal comma', async () => {
      const { user, calls } = renderSettings(fixture({}, 'nl'));
      await user.type(screen.getByLabelText('Saldo op de facturatiepagina (USD)'), 'US$ -1,37');
      await user.click(screen.getByRole('button', { name: 'Saldo corrigeren' }));
      expect(calls).toEqual([{ channel: 'ledger:calibrate', request: { balance: '-1.37' } }]);
      expect(await screen.findByText(/Saldo gecorrigeerd naar US\$\s-1,37\./)).toBeInTheDocument();
    });
  });

  it.each(['en', 'nl'] as const)('has nothing axe can find in %s', async (language) => {
    const { container } = renderSettings(
      withKey(
        { kind: 'admin', last4: 'abcd', source: 'keychain', origin: 'https://api.openai.com' },
        language,
      ),
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
