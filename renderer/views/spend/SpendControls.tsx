/** One row of choices (ux.md §1 Spend 2): range, grouping and view, each a radio group. */
import { useApp, useMessages } from '../../app-context';
import { RadioGroup } from '../../components/RadioGroup';
import { days } from '../../i18n/format';
import { spendMessages } from '../../i18n/messages/spend';
import { GROUPINGS, type Grouping, SPEND_MODES, type SpendMode } from './spend-model';
import { SPEND_RANGES, type SpendRange } from './spend-range';

export interface SpendChoice {
  range: SpendRange;
  grouping: Grouping;
  mode: SpendMode;
}

export function SpendControls({
  choice,
  onChange,
}: {
  choice: SpendChoice;
  onChange(choice: SpendChoice): void;
}) {
  const { language } = useApp();
  const m = useMessages(spendMessages).controls;
  return (
    <div className="spend-controls">
      <RadioGroup
        label={m.range}
        options={SPEND_RANGES.map((range) => ({
          value: range,
          label: range === 'month' ? m.thisMonth : days(Number(range), language),
        }))}
        value={choice.range}
        onChange={(range) => onChange({ ...choice, range })}
      />
      <RadioGroup
        label={m.groupBy}
        options={GROUPINGS.map((grouping) => ({ value: grouping, label: m[grouping] }))}
        value={choice.grouping}
        onChange={(grouping) => onChange({ ...choice, grouping })}
        disabledReason={choice.mode === 'cumulative' ? m.groupByCumulative : undefined}
      />
      <RadioGroup
        label={m.view}
        options={SPEND_MODES.map((mode) => ({ value: mode, label: m[mode] }))}
        value={choice.mode}
        onChange={(mode) => onChange({ ...choice, mode })}
      />
    </div>
  );
}
