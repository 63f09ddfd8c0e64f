import { catalogue } from '../messages';

export const overviewMessages = catalogue({
  en: {
    title: 'Overview',
    demo: 'Connect an OpenAI Admin key to see your own balance and spend. Until then, Saldo shows demo data.',
    connectKey: 'Connect a key in Settings',
    status: {
      creditUsedUp: {
        word: 'Credit used up',
        text: "Your credit is used up, so OpenAI now refuses API requests. Retrying won't help: buy credit on OpenAI's billing page.",
      },
      spendLimit: {
        word: 'Spend limit reached',
        organization:
          "OpenAI refuses API requests because your organization's spend limit is reached. Retrying won't help: raise the limit in OpenAI's limits settings.",
        project:
          "OpenAI refuses API requests because this project's spend limit is reached. Retrying won't help: raise the limit in OpenAI's limits settings.",
      },
      usageLimit: {
        word: 'Usage limit reached',
        text: "OpenAI refuses API requests because your organization reached its usage limit. Retrying won't help: wait for the limit to reset, or ask OpenAI to raise it.",
      },
      negativeBalance: {
        word: 'Negative balance',
        text: (amount: string) =>
          `Your balance is ${amount}. OpenAI stopped requests a little late; this amount will come off your next purchase.`,
      },
      keyRejected: {
        word: 'Key rejected',
        text: "OpenAI rejected the key, so Saldo can't read your costs. Check or replace the key in Settings.",
      },
      keyElsewhere: {
        word: 'Key needed again',
        text: (keyOrigin: string, address: string) =>
          `The key was given for ${keyOrigin}; enter it again to use it with ${address}. Saldo sends it nowhere else.`,
      },
      notAdminKey: {
        word: 'Not an Admin key',
        text: 'This is a project key. Reading costs needs an Admin key (it starts with sk-admin-), which only organization owners can create.',
      },
      unreachable: {
        word: 'Out of date',
        retrying: (time: string, minutes: string) =>
          `Can't reach OpenAI. Showing data from ${time}; trying again in ${minutes} min.`,
        text: (time: string) => `Can't reach OpenAI. Showing data from ${time}.`,
      },
      buyCredit: 'Buy credit on OpenAI',
      openLimits: "Open OpenAI's limits",
      openSettings: 'Open Settings',
    },
    balance: 'Balance',
    provenance: (confirmed: string, date: string, spent: string) =>
      `Estimated: ${confirmed} confirmed on ${date}, minus ${spent} spent since.`,
    driftMore: (drift: string) => `Drift: the billing page showed ${drift} more than Saldo had counted.`,
    driftLess: (drift: string) => `Drift: the billing page showed ${drift} less than Saldo had counted.`,
    reportedMore: (drift: string) => `Drift: OpenAI reported ${drift} more than Saldo had counted.`,
    reportedLess: (drift: string) => `Drift: OpenAI reported ${drift} less than Saldo had counted.`,
    reported: 'As the account reports it.',
    unconfirmed: 'Estimated from your purchases and spend; not confirmed yet.',
    correctBalance: 'Correct balance',
    failsAt: (days: string, date: string) => `API requests fail in ${days} · around ${date}`,
    failingNow: 'API requests fail now: the credit is used up',
    notEnoughData: 'Not enough data yet',
    notEnoughDataHint: (days: string) => `The forecast needs ${days} of spend.`,
    toppedUp: (date: string) => `Auto-recharge keeps API requests working beyond ${date}`,
    lasts: (date: string) => `Your credit lasts beyond ${date}`,
    creditAlone: (days: string) => `Without recharges the credit alone lasts ${days}.`,
    figures: 'Credit',
    available: 'Available',
    pending: 'Pending',
    pendingHint: 'Bought, not usable yet',
    negativeBalance: 'Negative balance',
    negativeBalanceHint: 'Comes off your next purchase',
    comingUp: 'Coming up',
    nextExpiry: 'Next expiry',
    dateAhead: (date: string, ahead: string) => `${date} (${ahead})`,
    expiry: (amount: string, date: string) => `${amount} of credit expires on ${date}.`,
    expiryUnused: (amount: string, date: string, unused: string) =>
      `${amount} of credit expires on ${date}. At your current pace, about ${unused} of it will go unused.`,
    noExpiry: 'No credit is due to expire.',
    nextRecharge: 'Next auto-recharge',
    rechargeExpected: (amount: string, date: string) => `${amount} expected around ${date}.`,
    rechargeDue: (amount: string) => `${amount} due now: the balance is below the threshold.`,
    rechargeOff: 'Auto-recharge is off.',
    rechargeNotSoon: (date: string) => `None needed before ${date} at today's pace.`,
    rechargeBlocked: (date: string) => `The monthly limit stops the next one, around ${date}.`,
    spendTitle: 'Last 30 days',
    spendUp: (amount: string, change: string) => `${amount} in the last 30 days, up ${change}`,
    spendDown: (amount: string, change: string) => `${amount} in the last 30 days, down ${change}`,
    spendSame: (amount: string) => `${amount} in the last 30 days, about the same as the 30 days before`,
    spendOnly: (amount: string) => `${amount} in the last 30 days`,
    monthToDate: (amount: string) => `This month so far: ${amount}`,
    spendLimit: (spent: string, limit: string, share: string) =>
      `Spent ${spent} of the ${limit} monthly spend limit (${share})`,
    noSpend: 'No spend recorded yet.',
    openSpend: 'See all spend',
  },
  nl: {
    title: 'Overzicht',
    demo: 'Koppel een OpenAI Admin-sleutel om je eigen saldo en uitgaven te zien. Tot die tijd toont Saldo demogegevens.',
    connectKey: 'Sleutel koppelen in Instellingen',
    status: {
      creditUsedUp: {
        word: 'Tegoed op',
        text: 'Je tegoed is op, dus OpenAI weigert nu API-verzoeken. Opnieuw proberen helpt niet: koop tegoed op de facturatiepagina van OpenAI.',
      },
      spendLimit: {
        word: 'Uitgavenlimiet bereikt',
        organization:
          'OpenAI weigert API-verzoeken omdat de uitgavenlimiet van je organisatie is bereikt. Opnieuw proberen helpt niet: verhoog de limiet in de limietinstellingen van OpenAI.',
        project:
          'OpenAI weigert API-verzoeken omdat de uitgavenlimiet van dit project is bereikt. Opnieuw proberen helpt niet: verhoog de limiet in de limietinstellingen van OpenAI.',
      },
      usageLimit: {
        word: 'Gebruikslimiet bereikt',
        text: 'OpenAI weigert API-verzoeken omdat je organisatie haar gebruikslimiet heeft bereikt. Opnieuw proberen helpt niet: wacht tot de limiet opnieuw ingaat, of vraag OpenAI om hem te verhogen.',
      },
      negativeBalance: {
        word: 'Negatief saldo',
        text: (amount: string) =>
          `Je saldo is ${amount}. OpenAI stopte de verzoeken iets te laat; dit bedrag gaat af van je volgende aankoop.`,
      },
      keyRejected: {
        word: 'Sleutel geweigerd',
        text: 'OpenAI weigert de sleutel, dus Saldo kan je kosten niet lezen. Controleer of vervang de sleutel in Instellingen.',
      },
      keyElsewhere: {
        word: 'Sleutel opnieuw nodig',
        text: (keyOrigin: string, address: string) =>
          `De sleutel is opgegeven voor ${keyOrigin}; voer hem opnieuw in om hem met ${address} te gebruiken. Saldo stuurt hem nergens anders heen.`,
      },
      notAdminKey: {
        word: 'Geen Admin-sleutel',
        text: 'Dit is een projectsleutel. Voor het lezen van de kosten is een Admin-sleutel nodig (die begint met sk-admin-); alleen eigenaren van de organisatie kunnen die aanmaken.',
      },
      unreachable: {
        word: 'Verouderd',
        retrying: (time: string, minutes: string) =>
          `OpenAI is niet bereikbaar. Je ziet gegevens van ${time}; nieuwe poging over ${minutes} min.`,
        text: (time: string) => `OpenAI is niet bereikbaar. Je ziet gegevens van ${time}.`,
      },
      buyCredit: 'Tegoed kopen',
      openLimits: 'Limieten bij OpenAI openen',
      openSettings: 'Naar Instellingen',
    },
    balance: 'Saldo',
    provenance: (confirmed: string, date: string, spent: string) =>
      `Geschat: ${confirmed} bevestigd op ${date}, min ${spent} uitgegeven sindsdien.`,
    driftMore: (drift: string) =>
      `Afwijking: de facturatiepagina toonde ${drift} meer dan Saldo had berekend.`,
    driftLess: (drift: string) =>
      `Afwijking: de facturatiepagina toonde ${drift} minder dan Saldo had berekend.`,
    reportedMore: (drift: string) => `Afwijking: OpenAI meldde ${drift} meer dan Saldo had berekend.`,
    reportedLess: (drift: string) => `Afwijking: OpenAI meldde ${drift} minder dan Saldo had berekend.`,
    reported: 'Zoals het account het meldt.',
    unconfirmed: 'Geschat uit je aankopen en uitgaven; nog niet bevestigd.',
    correctBalance: 'Saldo corrigeren',
    failsAt: (days: string, date: string) => `API-verzoeken mislukken over ${days} · rond ${date}`,
    failingNow: 'API-verzoeken mislukken nu: het tegoed is op',
    notEnoughData: 'Nog niet genoeg gegevens',
    notEnoughDataHint: (days: string) => `De voorspelling heeft ${days} aan uitgaven nodig.`,
    toppedUp: (date: string) => `Automatisch opladen houdt API-verzoeken werkend tot na ${date}`,
    lasts: (date: string) => `Je tegoed is genoeg tot na ${date}`,
    creditAlone: (days: string) => `Zonder opladen is het tegoed alleen genoeg voor ${days}.`,
    figures: 'Tegoed',
    available: 'Beschikbaar tegoed',
    pending: 'Tegoed in behandeling',
    pendingHint: 'Gekocht, nog niet bruikbaar',
    negativeBalance: 'Negatief saldo',
    negativeBalanceHint: 'Wordt verrekend met je volgende aankoop',
    comingUp: 'Binnenkort',
    nextExpiry: 'Eerstvolgende vervaldatum',
    dateAhead: (date: string, ahead: string) => `${date} (${ahead})`,
    expiry: (amount: string, date: string) => `Op ${date} vervalt ${amount} tegoed.`,
    expiryUnused: (amount: string, date: string, unused: string) =>
      `Op ${date} vervalt ${amount} tegoed. Bij je huidige verbruik blijft daarvan ongeveer ${unused} ongebruikt.`,
    noExpiry: 'Er vervalt geen tegoed.',
    nextRecharge: 'Volgende keer automatisch opladen',
    rechargeExpected: (amount: string, date: string) => `${amount} verwacht rond ${date}.`,
    rechargeDue: (amount: string) => `${amount} nu verwacht: het saldo is onder de drempel.`,
    rechargeOff: 'Automatisch opladen staat uit.',
    rechargeNotSoon: (date: string) => `Bij je huidige verbruik niet nodig vóór ${date}.`,
    rechargeBlocked: (date: string) => `De maandlimiet houdt de volgende tegen, rond ${date}.`,
    spendTitle: 'Afgelopen 30 dagen',
    spendUp: (amount: string, change: string) => `${amount} in de afgelopen 30 dagen, ${change} meer`,
    spendDown: (amount: string, change: string) => `${amount} in de afgelopen 30 dagen, ${change} minder`,
    spendSame: (amount: string) =>
      `${amount} in de afgelopen 30 dagen, ongeveer evenveel als de 30 dagen ervoor`,
    spendOnly: (amount: string) => `${amount} in de afgelopen 30 dagen`,
    monthToDate: (amount: string) => `Deze maand tot nu toe: ${amount}`,
    spendLimit: (spent: string, limit: string, share: string) =>
      `${spent} uitgegeven van de maandelijkse uitgavenlimiet van ${limit} (${share})`,
    noSpend: 'Nog geen uitgaven vastgelegd.',
    openSpend: 'Alle uitgaven bekijken',
  },
});
