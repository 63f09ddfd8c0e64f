/**
 * Status is never colour alone: an icon shape and a word go with it (ux.md §2, §5). The icon is
 * decorative; the word carries the meaning.
 */
export type Tone = 'ok' | 'info' | 'warning' | 'critical';

const GLYPH: Record<Tone, string> = { ok: '✓', info: 'i', warning: '!', critical: '×' };

export function StatusMark({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className={`status-mark status-mark--${tone}`}>
      <span className="status-mark__icon" aria-hidden="true">
        {GLYPH[tone]}
      </span>
      <span>{label}</span>
    </span>
  );
}
