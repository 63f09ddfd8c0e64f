/**
 * Where the API key is kept and, where no keychain answers, what gives Saldo one — as codes main
 * sends over the bridge, and as words in English and Dutch, so the command line, the logs and the
 * dashboard give the same advice, each in its reader's language.
 */
import type { Language } from '../alerts/alert';

/** What keeps the key: the system's keychain, or (Saldo's encrypted file) what keeps that file's key. */
export const KEY_KEEPERS = [
  'macos-keychain',
  'windows-credential-manager',
  'windows-dpapi',
  'secret-service',
  'kwallet',
  'system-keyring',
] as const;
export type KeyKeeper = (typeof KEY_KEEPERS)[number];

/**
 * What to do where no keychain answers. It depends on why (the keychain module keytar is missing or
 * does not load, or no keyring service answers), on the system, and on whether Saldo runs from its
 * source (keytar is built there, against libsecret-1-dev) or was installed (keytar ships built and
 * needs the system's libsecret and keyring).
 */
export const KEYCHAIN_ADVICE = [
  /** Source checkout on Linux, keytar not installed: npm dropped it when its build failed. */
  'install-keytar',
  /** Source checkout on Linux, keytar installed but not loading. */
  'build-keytar',
  /** Linux: no keyring service answers, or the installed app's keytar cannot find libsecret. */
  'install-keyring',
  /** Source checkout on macOS or Windows, where keytar comes prebuilt. */
  'rebuild-keytar',
  /** The installed app on macOS or Windows, whose keychain is always there. */
  'reinstall',
] as const;
export type KeychainAdvice = (typeof KEYCHAIN_ADVICE)[number];

const BUILD_TOOLS = {
  en: 'Install libsecret-1-dev and the build tools (Debian/Ubuntu: sudo apt install libsecret-1-dev build-essential python3)',
  nl: 'Installeer libsecret-1-dev en de bouwgereedschappen (Debian/Ubuntu: sudo apt install libsecret-1-dev build-essential python3)',
};

export const KEYCHAIN_WORDS = {
  en: {
    keeper: {
      'macos-keychain': 'the macOS Keychain',
      'windows-credential-manager': 'Windows Credential Manager',
      'windows-dpapi': "Windows' DPAPI",
      'secret-service': 'the Secret Service keyring (GNOME Keyring or KWallet)',
      kwallet: 'KWallet',
      'system-keyring': "your system's keyring",
    },
    advice: {
      'install-keytar': `${BUILD_TOOLS.en}, then run npm install in Saldo's folder to build the keychain module (keytar).`,
      'build-keytar': `${BUILD_TOOLS.en}, then run npm rebuild keytar in Saldo's folder.`,
      'install-keyring':
        "Install your system's keyring (Debian/Ubuntu: sudo apt install libsecret-1-0 gnome-keyring; on KDE, KWallet), log in to your desktop again and start Saldo again.",
      'rebuild-keytar':
        "Run npm rebuild keytar in Saldo's folder (npm install first if the keychain module keytar is missing), then start Saldo again.",
      reinstall: 'Reinstall Saldo.',
    },
  },
  nl: {
    keeper: {
      'macos-keychain': 'de macOS-sleutelhanger',
      'windows-credential-manager': 'Windows Referentiebeheer',
      'windows-dpapi': 'Windows DPAPI',
      'secret-service': 'de Secret Service-sleutelhanger (GNOME Keyring of KWallet)',
      kwallet: 'KWallet',
      'system-keyring': 'de sleutelhanger van je systeem',
    },
    advice: {
      'install-keytar': `${BUILD_TOOLS.nl} en voer daarna npm install uit in de map van Saldo om de sleutelhangermodule (keytar) te bouwen.`,
      'build-keytar': `${BUILD_TOOLS.nl} en voer daarna npm rebuild keytar uit in de map van Saldo.`,
      'install-keyring':
        'Installeer de sleutelhanger van je systeem (Debian/Ubuntu: sudo apt install libsecret-1-0 gnome-keyring; onder KDE KWallet), log opnieuw in op je bureaublad en start Saldo opnieuw.',
      'rebuild-keytar':
        'Voer npm rebuild keytar uit in de map van Saldo (eerst npm install als de sleutelhangermodule keytar ontbreekt) en start Saldo daarna opnieuw.',
      reinstall: 'Installeer Saldo opnieuw.',
    },
  },
} satisfies Record<Language, { keeper: Record<KeyKeeper, string>; advice: Record<KeychainAdvice, string> }>;
