/**
 * Rules about credit expiring: reminders 30, 7 and 1 UTC days before, once per grant per step,
 * grants expiring on the same UTC day told together (ux.md §4); and (opt-in) a grant the current
 * pace will not use up before it expires.
 */
import { formatInstant, MS_PER_DAY, startOfUtcDay } from '../../billing/instant';
import type { Micros } from '../../billing/money';
import type { Alert } from '../alert';
import { expiryCopy, forfeitRiskCopy } from '../alert-copy';
import type { GrantLeft } from '../alert-input';
import { FORECAST_MIN_HISTORY_DAYS, FORFEIT_HORIZON_DAYS } from '../alert-settings';
import { latch, report, type LatchStep } from '../latch';
import type { RuleContext, RuleOutput } from '../rule-context';

/** Less than this is not worth telling as "will go unused". */
const FORFEIT_MINIMUM: Micros = 10_000n;

/** Whole UTC days from the day of `at` to the day of `expiresAt`: 1 means "tomorrow". */
function utcDaysBetween(at: number, expiresAt: number): number {
  return Math.round((startOfUtcDay(expiresAt) - startOfUtcDay(at)) / MS_PER_DAY);
}

interface ExpiryGroup {
  step: number;
  day: string;
  expiresAt: number;
  daysLeft: number;
  grants: GrantLeft[];
  steps: LatchStep[];
}

export function expiryRule(context: RuleContext, output: RuleOutput): void {
  const { current, settings } = context;
  const steps = [...new Set(settings.expiryReminderDays)].filter((days) => days >= 0).sort((a, b) => a - b);
  const groups = new Map<string, ExpiryGroup>();
  for (const grant of current.grants) {
    if (grant.remaining <= 0n) continue;
    const daysLeft = utcDaysBetween(current.at, grant.expiresAt);
    const crossed = steps.filter((days) => daysLeft <= days);
    if (crossed.length === 0) continue;
    // A grant first seen 5 days out has passed the 30-day step as well: remember both, tell only
    // the nearer one, so the 30-day reminder does not follow a week late.
    const nearest = crossed[0]!;
    let nearestStep: LatchStep = 'quiet';
    for (const days of crossed) {
      const step = latch(context, output, `expiry-${days}:${grant.id}`, { holds: true, recovered: false });
      if (days === nearest) nearestStep = step;
    }
    const day = formatInstant(startOfUtcDay(grant.expiresAt)).slice(0, 10);
    const key = `${nearest}:${day}`;
    const group = groups.get(key) ?? {
      step: nearest,
      day,
      expiresAt: grant.expiresAt,
      daysLeft,
      grants: [],
      steps: [],
    };
    group.grants.push(grant);
    group.steps.push(nearestStep);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    // One alert per day and step: fired if any of its grants just reached the step.
    const step: LatchStep = group.steps.includes('fired')
      ? 'fired'
      : group.steps.includes('holding')
        ? 'holding'
        : 'quiet';
    report(output, step, () => expiryAlert(context, group));
  }
}

function expiryAlert(context: RuleContext, group: ExpiryGroup): Alert {
  const { current } = context;
  const ids = new Set(group.grants.map((grant) => grant.id));
  const amount = group.grants.reduce((sum, grant) => sum + grant.remaining, 0n);
  // Without a week of history the burn rate says nothing yet about what will go unused.
  const unused =
    current.historyDays < FORECAST_MIN_HISTORY_DAYS
      ? null
      : current.forfeitRisk.filter((risk) => ids.has(risk.id)).reduce((sum, risk) => sum + risk.amount, 0n);
  return {
    id: `expiry-${group.step}:${group.day}`,
    kind: 'expiry',
    severity: group.step <= 7 ? 'warning' : 'info',
    ...expiryCopy(amount, group.expiresAt, group.daysLeft, unused),
    view: 'credits',
  };
}

export function forfeitRiskRule(context: RuleContext, output: RuleOutput): void {
  const { current, settings } = context;
  if (!settings.forecastWarnings || current.historyDays < FORECAST_MIN_HISTORY_DAYS) return;
  const horizon = current.at + FORFEIT_HORIZON_DAYS * MS_PER_DAY;
  for (const grant of current.grants) {
    const risk = current.forfeitRisk.find((entry) => entry.id === grant.id);
    const amount = risk?.amount ?? 0n;
    const step = latch(context, output, `forfeit:${grant.id}`, {
      holds: amount >= FORFEIT_MINIMUM && grant.expiresAt <= horizon,
      recovered: amount === 0n,
    });
    report(output, step, () => ({
      id: `forfeit:${grant.id}`,
      kind: 'forfeit-risk',
      severity: 'info',
      ...forfeitRiskCopy(amount, grant.expiresAt),
      view: 'credits',
    }));
  }
}
