/** How sentences name a range: "last 30 days", "this month" (captions, chart summaries, buttons). */
import { days, type Language } from '../../i18n/format';
import type { spendMessages } from '../../i18n/messages/spend';
import { requestedDays, type SpendRange } from './spend-range';

export function periodText(
  m: (typeof spendMessages)[Language]['period'],
  range: SpendRange,
  today: string,
  language: Language,
): string {
  return range === 'month' ? m.thisMonth : m.last(days(requestedDays(range, today), language));
}
