/**
 * What a command that records something adds on the demo account: that it went to the demo, not
 * to the user's own account, and how to watch their own — in the settings' language.
 */
import type { Language } from '../../shared/alerts/alert';
import type { OpenedMonitor } from '../core/monitor';

const NOTE: Record<Language, { forced: string; noKey: string }> = {
  en: {
    forced:
      'This went to the demo account, not yours: SALDO_DEMO=1 is set. Without it, Saldo watches your own ' +
      'OpenAI account with a key from `saldo key set` (or OPENAI_ADMIN_KEY).',
    noKey:
      'This went to the demo account, not yours. To watch your own OpenAI account, store an Admin key with ' +
      '`saldo key set` (or set OPENAI_ADMIN_KEY).',
  },
  nl: {
    forced:
      'Dit ging naar het demo-account, niet naar het jouwe: SALDO_DEMO=1 staat aan. Zonder die variabele ' +
      'volgt Saldo je eigen OpenAI-account met een sleutel van `saldo key set` (of OPENAI_ADMIN_KEY).',
    noKey:
      'Dit ging naar het demo-account, niet naar het jouwe. Wil je je eigen OpenAI-account volgen, sla dan ' +
      'een Admin-sleutel op met `saldo key set` (of zet OPENAI_ADMIN_KEY).',
  },
};

/** The note as lines to print after what was recorded; empty for the user's own account. */
export function demoNote(
  opened: Pick<OpenedMonitor, 'choice' | 'settings'>,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (opened.choice.backend !== 'demo') return '';
  const words = NOTE[opened.settings.read().language];
  return `${env.SALDO_DEMO === '1' ? words.forced : words.noKey}\n`;
}
