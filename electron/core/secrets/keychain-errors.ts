/**
 * Turns what keytar (libsecret over D-Bus, the macOS Keychain, Windows Credential Manager) throws
 * into a key-free `SecretError`, and says what to install when there is no keychain at all.
 * The messages matched are libsecret's and D-Bus's own (../shared/reference/toolchain.md §2).
 */
import { redactSecrets } from './redact';
import type { SecretError } from './secret-store';

/** What a Linux user installs for a keychain; elsewhere the OS always has one. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'The macOS Keychain should always be there: reinstall Saldo';
  if (platform === 'win32') return 'Windows Credential Manager should always be there: reinstall Saldo';
  return (
    'Install libsecret (Debian/Ubuntu: sudo apt install libsecret-1-0 gnome-keyring) ' +
    'and a Secret Service such as GNOME Keyring or KWallet'
  );
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

/** Why keytar could not be loaded: not installed (optional, skipped where libsecret was missing) or not loadable. */
export function loadFailureDetail(error: unknown, platform: NodeJS.Platform = process.platform): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    return (
      'The keychain module (keytar) is not installed: it is optional, and it builds only where libsecret ' +
      `is present. ${installHint(platform)}, then reinstall Saldo.`
    );
  }
  return `The keychain module (keytar) could not load (${errorText(error)}). ${installHint(platform)}.`;
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

/** Classifies a keytar failure; `knownKeys` are removed from the message in case it quotes one. */
export function keychainError(error: unknown, knownKeys: readonly string[] = []): SecretError {
  const said = errorText(error, knownKeys);
  if (NO_SERVICE.some((pattern) => pattern.test(said))) {
    return { code: 'unavailable', message: noServiceDetail(said) };
  }
  if (LOCKED.some((pattern) => pattern.test(said))) {
    return {
      code: 'locked',
      message: `The keychain is locked or has no default keyring (${said}): unlock it, e.g. by logging in to the desktop session, and try again.`,
    };
  }
  return { code: 'failed', message: `The keychain refused (${said}).` };
}

export function noServiceDetail(said: string, platform: NodeJS.Platform = process.platform): string {
  return `No keychain service answered on this session (${said}). ${installHint(platform)}.`;
}
