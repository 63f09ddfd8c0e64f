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
    runway: (days: string, date: string) => `Lasts about ${days} · runs out around ${date}`,
    runwayNoDate: (days: string) => `Lasts about ${days}`,
    notEnoughData: 'Not enough data yet',
    notEnoughDataHint: (days: string) => `The forecast needs ${days} of spend.`,
    rechargeUntil: (date: string) =>
      `Auto-recharge keeps you topped up until the monthly limit, around ${date}`,
    rechargeUntilLimit: (limit: string) =>
      `Auto-recharge keeps you topped up until the monthly limit of ${limit}`,
    rechargeNoLimit: 'Auto-recharge keeps you topped up; it has no monthly limit',
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
    rechargeExpected: (date: string, threshold: string) =>
      `Expected around ${date}, when the balance goes below ${threshold}.`,
    rechargeDue: (threshold: string) => `Due now: the balance is below ${threshold}.`,
    rechargeOff: 'Auto-recharge is off.',
    rechargeNotSoon: (days: string) => `None expected in the next ${days} at today's pace.`,
    rechargeBlocked: (limit: string, date: string) =>
      `None until ${date}: this month's limit of ${limit} is used up.`,
    spendTitle: 'Last 30 days',
    spendUp: (amount: string, change: string) => `${amount} in the last 30 days, up ${change}`,
    spendDown: (amount: string, change: string) => `${amount} in the last 30 days, down ${change}`,
    spendSame: (amount: string) => `${amount} in the last 30 days, about the same as the 30 days before`,
    spendOnly: (amount: string) => `${amount} in the last 30 days`,
    monthToDate: (amount: string) => `This month so far: ${amount}`,
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
    runway: (days: string, date: string) => `Nog genoeg voor ongeveer ${days} · op rond ${date}`,
    runwayNoDate: (days: string) => `Nog genoeg voor ongeveer ${days}`,
    notEnoughData: 'Nog niet genoeg gegevens',
    notEnoughDataHint: (days: string) => `De voorspelling heeft ${days} aan uitgaven nodig.`,
    rechargeUntil: (date: string) =>
      `Automatisch opladen houdt je tegoed aangevuld tot de maandlimiet, rond ${date}`,
    rechargeUntilLimit: (limit: string) =>
      `Automatisch opladen houdt je tegoed aangevuld tot de maandlimiet van ${limit}`,
    rechargeNoLimit: 'Automatisch opladen houdt je tegoed aangevuld; er is geen maandlimiet',
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
    rechargeExpected: (date: string, threshold: string) =>
      `Verwacht rond ${date}, als het saldo onder ${threshold} komt.`,
    rechargeDue: (threshold: string) => `Nu verwacht: het saldo is onder ${threshold}.`,
    rechargeOff: 'Automatisch opladen staat uit.',
    rechargeNotSoon: (days: string) => `Bij je huidige verbruik niet in de komende ${days}.`,
    rechargeBlocked: (limit: string, date: string) =>
      `Niet meer tot ${date}: de maandlimiet van ${limit} is bereikt.`,
    spendTitle: 'Afgelopen 30 dagen',
    spendUp: (amount: string, change: string) => `${amount} in de afgelopen 30 dagen, ${change} meer`,
    spendDown: (amount: string, change: string) => `${amount} in de afgelopen 30 dagen, ${change} minder`,
    spendSame: (amount: string) =>
      `${amount} in de afgelopen 30 dagen, ongeveer evenveel als de 30 dagen ervoor`,
    spendOnly: (amount: string) => `${amount} in de afgelopen 30 dagen`,
    monthToDate: (amount: string) => `Deze maand tot nu toe: ${amount}`,
    noSpend: 'Nog geen uitgaven vastgelegd.',
    openSpend: 'Alle uitgaven bekijken',
  },
});
