/**
 * One sentence naming what is wrong and the fix, with one button, above the balance (ux.md §1
 * Overview 1). Credit used up is said once, assertively; the rest politely.
 */
import type { ReactNode } from 'react';
import { useApp, useMessages } from '../../app-context';
import { ExternalLink } from '../../components/ExternalLink';
import { OPENAI_PAGES } from '../../../shared/openai-pages';
import { StatusMark, type Tone } from '../../components/StatusMark';
import { ViewLink } from '../../components/ViewLink';
import { count, dateTime, money, time } from '../../i18n/format';
import { overviewMessages } from '../../i18n/messages/overview';
import type { StatusCause } from '../../../shared/dashboard/status-cause';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function StatusLine({ cause }: { cause: StatusCause }) {
  const { language, state } = useApp();
  const { status: m } = useMessages(overviewMessages);
  const buy = (
    <ExternalLink href={OPENAI_PAGES.billing} className="button-link">
      {m.buyCredit}
    </ExternalLink>
  );
  const limits = (
    <ExternalLink href={OPENAI_PAGES.limits} className="button-link">
      {m.openLimits}
    </ExternalLink>
  );
  switch (cause.kind) {
    case 'credit-used-up':
      return (
        <Line tone="critical" word={m.creditUsedUp.word} text={m.creditUsedUp.text} action={buy} urgent />
      );
    case 'spend-limit':
      return (
        <Line tone="critical" word={m.spendLimit.word} text={m.spendLimit[cause.scope]} action={limits} />
      );
    case 'usage-limit':
      return <Line tone="critical" word={m.usageLimit.word} text={m.usageLimit.text} action={limits} />;
    case 'negative-balance':
      return (
        <Line
          tone="critical"
          word={m.negativeBalance.word}
          text={m.negativeBalance.text(money(-cause.debt, language))}
          action={buy}
        />
      );
    case 'key-rejected':
    case 'not-admin-key':
    case 'key-elsewhere': {
      const words =
        cause.kind === 'key-elsewhere'
          ? { ...m.keyElsewhere, text: m.keyElsewhere.text(cause.keyOrigin, cause.address) }
          : cause.kind === 'key-rejected'
            ? m.keyRejected
            : m.notAdminKey;
      return (
        <Line
          tone="critical"
          word={words.word}
          text={words.text}
          action={
            <ViewLink view="settings" className="button-link">
              {m.openSettings}
            </ViewLink>
          }
        />
      );
    }
    case 'unreachable': {
      // Within a day the time says enough; older data needs its date too.
      const shown = (state.now - cause.lastOkAt < DAY_MS ? time : dateTime)(cause.lastOkAt, language);
      const text =
        cause.nextAt === null
          ? m.unreachable.text(shown)
          : m.unreachable.retrying(
              shown,
              count(Math.max(1, Math.ceil((cause.nextAt - state.now) / MINUTE_MS)), language),
            );
      return <Line tone="warning" word={m.unreachable.word} text={text} />;
    }
  }
}

function Line(props: { tone: Tone; word: string; text: string; action?: ReactNode; urgent?: boolean }) {
  return (
    <div className={`status-line status-line--${props.tone}`} role={props.urgent ? 'alert' : 'status'}>
      <StatusMark tone={props.tone} label={props.word} />
      <p className="status-line__text">{props.text}</p>
      {props.action}
    </div>
  );
}
