/**
 * The tray's words in English and Dutch, after ux.md §1 Tray and §3 (glossary, "je"): menu lines are
 * sentences that stand alone (§5), the tooltip's parts are short. Placeholders arrive formatted.
 */
import type { Language } from '../alerts/alert';
import type { StatusCause } from '../dashboard/status-cause';

type Text = (value: string) => string;

/**
 * Why the tray is not ok, in a word or two for the tooltip (a negative balance is said with the
 * amount instead).
 */
export type TooltipWord =
  Exclude<StatusCause['kind'], 'negative-balance'> | 'out-of-date' | 'offline' | 'low' | 'demo';

export interface TrayWords {
  starting: string;
  balance: Text;
  balanceEstimated: Text;
  negativeBalance: Text;
  noBalance: string;
  /** When API requests start to fail at this pace, auto-recharge included. */
  failsAt: (days: string, date: string) => string;
  notEnoughData: string;
  /** No failure within the projection's horizon (a date), auto-recharge buying as needed. */
  toppedUp: Text;
  /** No failure within the horizon, the credit alone lasting. */
  lasts: Text;
  expiry: (amount: string, date: string, ahead: string) => string;
  expiryUnused: (amount: string, date: string, ahead: string, unused: string) => string;
  noExpiry: string;
  status: {
    creditUsedUp: string;
    spendLimit: Record<'organization' | 'project', string>;
    usageLimit: string;
    negativeBalance: string;
    keyRejected: string;
    notAdminKey: string;
    /** The key's origin, then the address in use. */
    keyElsewhere: (keyOrigin: string, address: string) => string;
    unreachable: Text;
    offline: Text;
    offlineNoData: string;
    failed: Text;
    failedNoData: string;
    showingFrom: Text;
    firstSync: string;
    low: Text;
    demo: string;
  };
  tooltip: {
    balance: Text;
    estimated: Text;
    negative: Text;
    noBalance: string;
    words: Record<TooltipWord, string>;
    autoRecharge: string;
    failsIn: Text;
    updated: Text;
    notUpdated: string;
  };
  refreshNow: string;
  refreshUpdated: Text;
  refreshing: string;
  labels: { buyCredit: string; open: string; quit: string };
}

export const TRAY_WORDS: Record<Language, TrayWords> = {
  en: {
    starting: 'Saldo is starting…',
    balance: (amount) => `Balance: ${amount}.`,
    balanceEstimated: (amount) => `Balance: ${amount} (estimated).`,
    negativeBalance: (amount) => `Negative balance: ${amount}.`,
    noBalance: 'No balance known yet.',
    failsAt: (days, date) => `At this pace API requests start to fail in ${days}, around ${date}.`,
    notEnoughData: 'Not enough data yet to tell how long your credit lasts.',
    toppedUp: (date) => `Auto-recharge keeps your API requests working beyond ${date}.`,
    lasts: (date) => `Your credit lasts beyond ${date}.`,
    expiry: (amount, date, ahead) => `${amount} of credit expires on ${date} (${ahead}).`,
    expiryUnused: (amount, date, ahead, unused) =>
      `${amount} of credit expires on ${date} (${ahead}); about ${unused} of it will go unused.`,
    noExpiry: 'No credit is due to expire.',
    status: {
      creditUsedUp: 'Your credit is used up, so OpenAI refuses API requests.',
      spendLimit: {
        organization: "Your organization's spend limit is reached, so OpenAI refuses API requests.",
        project: "A project's spend limit is reached, so OpenAI refuses its API requests.",
      },
      usageLimit: 'Your organization reached its usage limit, so OpenAI refuses API requests.',
      negativeBalance: 'OpenAI stopped requests a little late; this amount will come off your next purchase.',
      keyRejected: "OpenAI rejected the key, so Saldo can't refresh; check the key in Saldo's settings.",
      notAdminKey:
        "This is not an Admin key, so Saldo can't read your costs; replace it in Saldo's settings.",
      keyElsewhere: (keyOrigin, address) =>
        `The key was given for ${keyOrigin}; enter it again to use it with ${address}.`,
      unreachable: (time) => `Can't reach OpenAI. Showing data from ${time}.`,
      offline: (time) => `Offline. Showing data from ${time}; Saldo refreshes when you are back online.`,
      offlineNoData: 'Offline. Saldo fetches your data when you are back online.',
      failed: (time) => `The last refresh failed. Showing data from ${time}.`,
      failedNoData: 'Saldo could not fetch your data yet.',
      showingFrom: (time) => `Showing data from ${time}.`,
      firstSync: 'Saldo is fetching your data for the first time.',
      low: (threshold) => `Low balance: below your threshold of ${threshold}.`,
      demo: 'Demo data: connect an OpenAI Admin key in Saldo to see your own balance.',
    },
    tooltip: {
      balance: (amount) => `Saldo: ${amount}`,
      estimated: (amount) => `Saldo: ${amount} (estimated)`,
      negative: (amount) => `Saldo: ${amount} (negative balance)`,
      noBalance: 'Saldo: no balance yet',
      words: {
        'credit-used-up': 'credit used up',
        'spend-limit': 'spend limit reached',
        'usage-limit': 'usage limit reached',
        'key-rejected': 'key rejected',
        'not-admin-key': 'not an Admin key',
        'key-elsewhere': 'key needed again',
        unreachable: "can't reach OpenAI",
        offline: 'offline',
        'out-of-date': 'out of date',
        low: 'low balance',
        demo: 'demo data',
      },
      autoRecharge: 'auto-recharge on',
      failsIn: (days) => `fails in ${days}`,
      updated: (time) => `updated ${time}`,
      notUpdated: 'not updated yet',
    },
    refreshNow: 'Refresh now',
    refreshUpdated: (time) => `Refresh now (updated ${time})`,
    refreshing: 'Refreshing…',
    labels: { buyCredit: 'Buy credit on OpenAI…', open: 'Open Saldo', quit: 'Quit Saldo' },
  },
  nl: {
    starting: 'Saldo start op…',
    balance: (amount) => `Saldo: ${amount}.`,
    balanceEstimated: (amount) => `Saldo: ${amount} (geschat).`,
    negativeBalance: (amount) => `Negatief saldo: ${amount}.`,
    noBalance: 'Nog geen saldo bekend.',
    failsAt: (days, date) => `Bij dit verbruik mislukken API-verzoeken over ${days}, rond ${date}.`,
    notEnoughData: 'Nog niet genoeg gegevens om te zeggen hoe lang je tegoed meegaat.',
    toppedUp: (date) => `Automatisch opladen houdt je API-verzoeken werkend tot na ${date}.`,
    lasts: (date) => `Je tegoed is genoeg tot na ${date}.`,
    expiry: (amount, date, ahead) => `Op ${date} (${ahead}) vervalt ${amount} tegoed.`,
    expiryUnused: (amount, date, ahead, unused) =>
      `Op ${date} (${ahead}) vervalt ${amount} tegoed; daarvan blijft ongeveer ${unused} ongebruikt.`,
    noExpiry: 'Er vervalt geen tegoed.',
    status: {
      creditUsedUp: 'Je tegoed is op, dus OpenAI weigert API-verzoeken.',
      spendLimit: {
        organization: 'De uitgavenlimiet van je organisatie is bereikt, dus OpenAI weigert API-verzoeken.',
        project: 'De uitgavenlimiet van een project is bereikt, dus OpenAI weigert de API-verzoeken ervan.',
      },
      usageLimit: 'Je organisatie heeft haar gebruikslimiet bereikt, dus OpenAI weigert API-verzoeken.',
      negativeBalance: 'OpenAI stopte de verzoeken iets te laat; dit bedrag gaat af van je volgende aankoop.',
      keyRejected:
        'OpenAI weigert de sleutel, dus Saldo kan niet vernieuwen; controleer de sleutel in de instellingen van Saldo.',
      notAdminKey:
        'Dit is geen Admin-sleutel, dus Saldo kan je kosten niet lezen; vervang hem in de instellingen van Saldo.',
      keyElsewhere: (keyOrigin, address) =>
        `De sleutel is opgegeven voor ${keyOrigin}; voer hem opnieuw in om hem met ${address} te gebruiken.`,
      unreachable: (time) => `OpenAI is niet bereikbaar. Je ziet gegevens van ${time}.`,
      offline: (time) => `Offline. Je ziet gegevens van ${time}; Saldo vernieuwt zodra je weer online bent.`,
      offlineNoData: 'Offline. Saldo haalt je gegevens op zodra je weer online bent.',
      failed: (time) => `De laatste vernieuwing is mislukt. Je ziet gegevens van ${time}.`,
      failedNoData: 'Saldo kon je gegevens nog niet ophalen.',
      showingFrom: (time) => `Je ziet gegevens van ${time}.`,
      firstSync: 'Saldo haalt je gegevens voor het eerst op.',
      low: (threshold) => `Laag saldo: onder je drempel van ${threshold}.`,
      demo: 'Demogegevens: koppel een OpenAI Admin-sleutel in Saldo om je eigen saldo te zien.',
    },
    tooltip: {
      balance: (amount) => `Saldo: ${amount}`,
      estimated: (amount) => `Saldo: ${amount} (geschat)`,
      negative: (amount) => `Saldo: ${amount} (negatief saldo)`,
      noBalance: 'Saldo: nog geen saldo',
      words: {
        'credit-used-up': 'tegoed op',
        'spend-limit': 'uitgavenlimiet bereikt',
        'usage-limit': 'gebruikslimiet bereikt',
        'key-rejected': 'sleutel geweigerd',
        'not-admin-key': 'geen Admin-sleutel',
        'key-elsewhere': 'sleutel opnieuw nodig',
        unreachable: 'OpenAI niet bereikbaar',
        offline: 'offline',
        'out-of-date': 'verouderd',
        low: 'laag saldo',
        demo: 'demogegevens',
      },
      autoRecharge: 'automatisch opladen aan',
      failsIn: (days) => `mislukt over ${days}`,
      updated: (time) => `laatst bijgewerkt ${time}`,
      notUpdated: 'nog niet bijgewerkt',
    },
    refreshNow: 'Nu vernieuwen',
    refreshUpdated: (time) => `Nu vernieuwen (laatst bijgewerkt ${time})`,
    refreshing: 'Bezig met vernieuwen…',
    labels: { buyCredit: 'Tegoed kopen op OpenAI…', open: 'Saldo openen', quit: 'Saldo afsluiten' },
  },
};
