/**
 * Turns what keytar (libsecret over D-Bus, the macOS Keychain, Windows Credential Manager) throws
 * into a key-free `SecretError`, and says what to do when there is no keychain at all: as a code
 * the dashboard words in its language, and in English for the command line and the logs.
 * The messages matched are libsecret's and D-Bus's own (../shared/reference/toolchain.md §2).
 */
import { KEYCHAIN_WORDS, type KeychainAdvice, type KeyKeeper } from '../../../shared/keychain/keychain-words';
import { redactSecrets } from './redact';
import type { SecretError } from './secret-store';

/**
 * How this Saldo runs: from a checkout of its source (the command line, `npm start`), where keytar
 * is built on the machine, or installed (a packaged app), where keytar ships built.
 */
export type KeychainSetup = 'source' | 'installed';

/** Why there is no keychain: keytar is not installed, is there but does not load, or nobody answers. */
export type KeychainGap = 'keytar-missing' | 'keytar-broken' | 'no-service';

/** What gives Saldo a keychain here (KEYCHAIN_ADVICE says when each applies). */
export function keychainAdvice(
  gap: KeychainGap,
  setup: KeychainSetup,
  platform: NodeJS.Platform = process.platform,
): KeychainAdvice {
  if (platform === 'darwin' || platform === 'win32')
    return setup === 'installed' ? 'reinstall' : 'rebuild-keytar';
  if (gap === 'no-service' || setup === 'installed') return 'install-keyring';
  return gap === 'keytar-missing' ? 'install-keytar' : 'build-keytar';
}

/** The keychain keytar reaches on this system. */
export function keychainKeeper(platform: NodeJS.Platform = process.platform): KeyKeeper {
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-credential-manager';
  return 'secret-service';
}

/** Why there is no keychain, in English for the command line and the logs, and what to do as a code. */
export interface KeychainGapReport {
  detail: string;
  advice: KeychainAdvice;
}

function report(
  gap: KeychainGap,
  what: string,
  setup: KeychainSetup,
  platform: NodeJS.Platform,
): KeychainGapReport {
  const advice = keychainAdvice(gap, setup, platform);
  return { detail: `${what} ${KEYCHAIN_WORDS.en.advice[advice]}`, advice };
}

/** Native errors can run to several lines (dlopen paths, D-Bus names): keep the first, shortened. */
function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The message of what was thrown, key-free: redacted before shortening, which could cut a key in two. */
export function errorText(error: unknown, knownKeys: readonly string[] = []): string {
  const text = error instanceof Error ? error.message : String(error);
  return firstLine(redactSecrets(text, knownKeys));
}

/** Why keytar could not be loaded: not installed (optional, dropped where its build failed) or not loadable. */
export function loadFailure(
  error: unknown,
  setup: KeychainSetup,
  platform: NodeJS.Platform = process.platform,
): KeychainGapReport {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    return report(
      'keytar-missing',
      'The keychain module (keytar) is not installed: it is optional, and npm leaves it out where its build fails.',
      setup,
      platform,
    );
  }
  return report(
    'keytar-broken',
    `The keychain module (keytar) could not load (${errorText(error)}).`,
    setup,
    platform,
  );
}

/** No session bus, or nobody on it answering for org.freedesktop.secrets: there is no keychain. */
const NO_SERVICE = [
  /Cannot autolaunch D-Bus/i,
  /not provided by any \.service files/i,
  /org\.freedesktop\.DBus\.Error\.(?:ServiceUnknown|NoServer|Spawn|FileNotFound)/i,
  /Could not connect: /i,
  /Failed to connect to socket/i,
];
/** A keychain is there but cannot be used until unlocked (or has no default collection yet). */
const LOCKED = [
  /locked collection/i,
  /locked object/i,
  /Object does not exist at path .*collection/i,
  /prompt.*(?:dismissed|cancel)/i,
];

/**
 * Classifies a keytar failure; `knownKeys` are removed from the message in case it quotes one. An
 * `unavailable` error's message is `noService(…).detail`.
 */
export function keychainError(
  error: unknown,
  knownKeys: readonly string[] = [],
  setup: KeychainSetup = 'source',
): SecretError {
  const said = errorText(error, knownKeys);
  if (NO_SERVICE.some((pattern) => pattern.test(said))) {
    return { code: 'unavailable', message: noService(said, setup).detail };
  }
  if (LOCKED.some((pattern) => pattern.test(said))) {
    return {
      code: 'locked',
      message: `The keychain is locked or has no default keyring (${said}): unlock it, e.g. by logging in to the desktop session, and try again.`,
    };
  }
  return { code: 'failed', message: `The keychain refused (${said}).` };
}

export function noService(
  said: string,
  setup: KeychainSetup,
  platform: NodeJS.Platform = process.platform,
): KeychainGapReport {
  return report('no-service', `No keychain service answered on this session (${said}).`, setup, platform);
}
