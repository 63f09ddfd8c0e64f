/**
 * The range in four figures, before any chart (ux.md §1 Spend 1): total, average per day, highest
 * day with its date, and the change against the previous range of the same length.
 */
import { useApp, useMessages } from '../../app-context';
import { date, days, money, percent } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { spendMessages } from '../../i18n/messages/spend';
import type { RangeChange, RangeFigures } from './range-figures';

const dayInstant = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function SpendFigures({
  figures,
  requested,
  historyStart,
}: {
  /** Null while the first sync has not brought any day. */
  figures: RangeFigures | null;
  /** The days the range asks for: the previous range has as many. */
  requested: number;
  /** The first synced day, when the history is shorter than the range. */
  historyStart: string | null;
}) {
  const { language } = useApp();
  const m = useMessages(spendMessages).figures;
  const { dash } = useMessages(commonMessages);
  const amount = (micros: number | undefined) => (micros === undefined ? dash : money(micros, language));
  const highest = figures?.highest ?? null;
  return (
    <section className="spend-figures" aria-labelledby="spend-figures-title">
      <h2 id="spend-figures-title" className="visually-hidden">
        {m.label}
      </h2>
      <dl className="figure-grid">
        <div className="figure-grid__item">
          <dt>{m.total}</dt>
          <dd>{amount(figures?.total)}</dd>
        </div>
        <div className="figure-grid__item">
          <dt>{m.averagePerDay}</dt>
          <dd>{amount(figures?.averagePerDay)}</dd>
        </div>
        <div className="figure-grid__item">
          <dt>{m.highestDay}</dt>
          <dd>
            {highest === null ? dash : money(highest.amount, language)}
            {highest === null ? null : (
              <span className="spend-figures__note">
                {m.highestOn(date(dayInstant(highest.day), language))}
              </span>
            )}
          </dd>
        </div>
        <div className="figure-grid__item">
          <dt>{m.change(days(requested, language))}</dt>
          <dd>{figures === null ? dash : <ChangeText change={figures.change} />}</dd>
        </div>
      </dl>
      {historyStart === null ? null : (
        <p className="spend-note">{m.historyFrom(date(dayInstant(historyStart), language))}</p>
      )}
    </section>
  );
}

function ChangeText({ change }: { change: RangeChange | null }) {
  const { language } = useApp();
  const m = useMessages(spendMessages).figures;
  if (change === null) return <span className="spend-figures__note">{m.nothingToCompare}</span>;
  if (change.difference === 0) return <>{m.unchanged}</>;
  const difference = money(Math.abs(change.difference), language);
  if (change.percent === null) return <>{m.upAmount(difference)}</>;
  const share = percent(Math.round(Math.abs(change.percent)), language);
  return <>{change.difference > 0 ? m.up(share, difference) : m.down(share, difference)}</>;
}
