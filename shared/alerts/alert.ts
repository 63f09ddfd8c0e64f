/** What the alert rules decide: an alert, with its copy in both UI languages and the view it opens. */

export type AlertSeverity = 'info' | 'warning' | 'critical';

export type AlertKind =
  | 'credit-used-up'
  | 'negative-balance'
  | 'spend-limit'
  | 'recharge-missing'
  | 'low-balance'
  | 'short-runway'
  | 'recharge-limit'
  | 'sync-failing'
  | 'expiry'
  | 'budget'
  | 'forfeit-risk'
  | 'credit-restored'
  | 'recharge-seen';

/** The view a click on the alert opens (ux.md §4: "clicking opens the matching view"). */
export type AlertView = 'overview' | 'credits' | 'auto-recharge' | 'alerts' | 'settings';

export type Language = 'en' | 'nl';
export const LANGUAGES: readonly Language[] = ['en', 'nl'];

/** One text in every UI language. */
export type LocalText = Record<Language, string>;

export interface Alert {
  /**
   * Stable per condition (`low-balance`, `expiry-7:2027-03-01`, `budget-90:2026-11`), so a newer
   * notification replaces the older one instead of piling up (ux.md §4).
   */
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** The fact, with its amount ("Low balance: $4.20 left"). */
  title: LocalText;
  /** The consequence and what to do. Never a key, organization id or e-mail. */
  body: LocalText;
  view: AlertView;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Among equally severe alerts, the one nearer to failing API calls comes first: this order is
 * the tie-break for the one notification of a sync and the order of the Alerts view.
 */
const KIND_RANK: Record<AlertKind, number> = {
  'credit-used-up': 0,
  'negative-balance': 1,
  'spend-limit': 2,
  'recharge-missing': 3,
  'low-balance': 4,
  'short-runway': 5,
  'recharge-limit': 6,
  'sync-failing': 7,
  expiry: 8,
  budget: 9,
  'forfeit-risk': 10,
  'credit-restored': 11,
  'recharge-seen': 12,
};

/** Most severe first; a total order, so the result never depends on the order rules ran in. */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
