/** Over the empty chart's axes (ux.md §2 Empty): no spend in this range, and a longer one to try. */
import { useApp, useMessages } from '../../app-context';
import { spendMessages } from '../../i18n/messages/spend';
import { periodText } from './period-text';
import { longerRange, type SpendRange } from './spend-range';

export function EmptyRange({
  range,
  today,
  onChoose,
}: {
  range: SpendRange;
  today: string;
  onChoose(range: SpendRange): void;
}) {
  const { language } = useApp();
  const m = useMessages(spendMessages);
  const longer = longerRange(range);
  return (
    <div role="status">
      <p className="chart-frame__title">{m.states.noSpend}</p>
      {longer === null ? null : (
        <>
          <p>{m.states.tryLonger}</p>
          <button type="button" className="secondary" onClick={() => onChoose(longer)}>
            {m.states.showLonger(periodText(m.period, longer, today, language))}
          </button>
        </>
      )}
    </div>
  );
}
