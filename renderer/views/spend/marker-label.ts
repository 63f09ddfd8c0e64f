/** A balance event's name: what the credit is (shared/account/credit-kind.ts), or credit that expired. */
import { CREDIT_KIND_LABELS } from '../../../shared/account/credit-kind';
import type { Language } from '../../../shared/alerts/alert';
import type { Marker } from '../../../shared/bridge';

export function markerLabel(kind: Marker['kind'], language: Language, expired: string): string {
  return kind === 'expiry' ? expired : CREDIT_KIND_LABELS[language][kind];
}
