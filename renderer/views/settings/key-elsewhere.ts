/**
 * Whether an address would take the key somewhere it was not given for (issue 13 §2): main never
 * sends it there, so the dashboard says so before the address is saved, and asks for the key again
 * after. Compared by origin, as main's HTTP edge compares it.
 */
import type { KeyInfo } from '../../../shared/bridge';
import { originOf } from '../../../shared/security/key-origin';

/** The origin `address` names when it is not the key's; null with no key, the key's origin, or no readable origin. */
export function originElsewhere(stored: KeyInfo['stored'], address: string): string | null {
  if (stored === null) return null;
  const target = originOf(address.trim());
  return target.ok && target.origin !== stored.origin ? target.origin : null;
}
