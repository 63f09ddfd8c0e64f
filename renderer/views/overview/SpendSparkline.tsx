/**
 * Thirty days of spend at a glance (ux.md §1 Overview 6). The sparkline is hidden from assistive
 * technology and a sentence carries its meaning instead (ux.md §5); the card opens Spend. Under it,
 * this month's spend against OpenAI's hard spend limit, where one is set: the limit that actually
 * blocks requests (ux.md §6, complaint 4).
 */
import { Line, LineChart, YAxis } from 'recharts';
import { useApp, useMessages } from '../../app-context';
import { SERIES_COLOURS } from '../../charts/palette';
import { Card } from '../../components/Card';
import { ViewLink } from '../../components/ViewLink';
import { money, percent, share, type Language } from '../../i18n/format';
import { overviewMessages } from '../../i18n/messages/overview';
import { recentSpend, type RecentSpend } from './overview-figures';
import type { AccountView } from '../../../shared/bridge';

const WIDTH = 240;
const HEIGHT = 56;

export function SpendSparkline({ spendLimit }: { spendLimit: AccountView['spendLimit'] }) {
  const { language, state } = useApp();
  const m = useMessages(overviewMessages);
  const recent = recentSpend(state.spend, state.now);
  return (
    <Card title={m.spendTitle} className="overview-spend">
      {recent === null ? (
        <p>{m.noSpend}</p>
      ) : (
        <>
          <div className="overview-spend__chart" aria-hidden="true">
            <LineChart width={WIDTH} height={HEIGHT} data={recent.points} accessibilityLayer={false}>
              <YAxis hide domain={[0, 'auto']} />
              <Line
                type="linear"
                dataKey="spend"
                stroke={SERIES_COLOURS[0]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </div>
          <p className="overview-spend__sentence">{spendSentence(recent, m, language)}</p>
          <p>{m.monthToDate(money(recent.monthToDate, language))}</p>
        </>
      )}
      {spendLimit === null ? null : (
        <p className="overview-spend__limit">
          {m.spendLimit(
            money(spendLimit.spentThisMonth, language),
            money(spendLimit.limit, language),
            share(spendLimit.fraction, language),
          )}
        </p>
      )}
      <ViewLink view="spend">{m.openSpend}</ViewLink>
    </Card>
  );
}

type Messages = (typeof overviewMessages)['en'];

function spendSentence(recent: RecentSpend, m: Messages, language: Language): string {
  const total = money(recent.total, language);
  if (recent.previousTotal === null || recent.previousTotal === 0) return m.spendOnly(total);
  const change = Math.round(((recent.total - recent.previousTotal) / recent.previousTotal) * 100);
  if (change === 0) return m.spendSame(total);
  return (change > 0 ? m.spendUp : m.spendDown)(total, percent(Math.abs(change), language));
}
