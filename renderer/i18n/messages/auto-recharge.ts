import { catalogue } from '../messages';

export const autoRechargeMessages = catalogue({
  en: {
    title: 'Auto-recharge',
    current: {
      label: 'Current setting',
      notSet: "Not set: enter what you set on OpenAI's billing page.",
      off: 'Off',
      on: 'On',
      add: (threshold: string, amount: string) => `below ${threshold}, add ${amount}`,
      topUp: (threshold: string, target: string) =>
        `below ${threshold}, bring the balance back up to ${target}`,
      limit: (limit: string) => `at most ${limit} a month`,
      noLimit: 'no monthly limit',
      used: (used: string) => `${used} used this month`,
    },
    missing: {
      title: 'Top-up expected but not seen',
      body: "A missing top-up usually means a card problem: OpenAI turns auto-recharge off after a failed charge. Check your payment method on OpenAI's billing page.",
    },
    projection: {
      title: "At today's pace",
      noPace: 'Not enough spend history yet to project auto-recharge.',
      unreadable: 'Complete the form to see what auto-recharge would do.',
      off: 'With auto-recharge off, nothing is topped up.',
      nextRecharge: (date: string, relative: string) => `Next recharge around ${date} (${relative}).`,
      noRecharge: 'No recharge needed within a year at this pace.',
      perMonth: (count: string, cost: string) =>
        `Recharges per month: about ${count}, costing about ${cost}.`,
      nonePerMonth: "No recharges a month at today's pace.",
      limitReached: (limit: string, date: string, nextMonth: string) =>
        `The monthly limit of ${limit} is reached around ${date}. No more top-ups until ${nextMonth}.`,
      runsOut: (date: string) => `API requests start to fail around ${date}.`,
      lasts: 'API requests keep working for at least a year at this pace.',
      chartTitle: 'Balance over the next 30 days',
      chartLabel: (from: string, to: string, lowest: string, recharges: string) =>
        `Projected balance over the next 30 days: ${from} today, ${to} at the end, lowest ${lowest}. Recharges: ${recharges}.`,
      balance: 'Balance at day end',
      threshold: (amount: string) => `Threshold ${amount}`,
      recharge: 'Auto-recharge',
      legend: 'Legend',
      tableCaption: 'Projected balance per day and the recharges that day.',
      day: 'Day',
      recharged: 'Recharged',
    },
    form: {
      title: 'Setting',
      openaiNotice:
        "Saldo cannot change OpenAI's settings. Enter what you set on OpenAI's billing page, so the projection and alerts match.",
      openBilling: "Open OpenAI's billing page",
      enabled: 'Auto-recharge on',
      mode: 'When it recharges',
      add: 'Add a fixed amount',
      topUp: 'Top up to a target',
      threshold: 'When balance goes below (USD)',
      amount: 'Add (USD)',
      target: 'Bring balance back up to (USD)',
      monthlyLimit: 'Monthly limit (USD, optional)',
      limitsHint: (min: string, max: string) => `Each recharge is a purchase: ${min} to ${max}.`,
      apply: 'Apply',
      save: 'Save',
      applied: 'Applied',
      saved: 'Saved',
      invalidAmount: (example: string) => `Enter an amount in USD, like ${example}, with at most 6 decimals.`,
      required: 'Enter an amount: auto-recharge needs it when it is on.',
      outOfRange: (min: string, max: string, amount: string) =>
        `Each recharge is a purchase, so it must be between ${min} and ${max}. ${amount} is outside that range.`,
      targetNotAbove: (threshold: string) =>
        `The balance to top up to must be above the threshold of ${threshold}.`,
      limitNotPositive: (zero: string) =>
        `The monthly limit must be more than ${zero}; leave it empty for no limit.`,
    },
    warnings: {
      label: 'Check these',
      busiestDay: (busiest: string, threshold: string) =>
        `Your busiest day cost ${busiest}, more than the threshold of ${threshold}: the credit can run out before a top-up lands. Leave some buffer.`,
      belowThreshold: (balance: string) =>
        `Your balance of ${balance} is already below the threshold: this means a charge right away.`,
      limitBelowRecharge: (limit: string) =>
        `The monthly limit of ${limit} is smaller than one recharge, so every recharge is blocked.`,
      outOfLimits: (min: string, max: string) =>
        `A recharge outside ${min} to ${max} is never made: no top-up would happen.`,
    },
    made: {
      title: 'Recharges made',
      caption:
        "Recharges auto-recharge made, newest first, with the balance that triggered each and the month's total.",
      empty: 'No recharges yet.',
      listedOnly: (listed: string) =>
        `OpenAI lists its credits without saying which were recharges: see Credits, where they show as “${listed}”.`,
      date: 'Date',
      amount: 'Amount',
      balanceBefore: 'When the balance was',
      monthTotal: "Month's total",
      ofLimit: (total: string, limit: string) => `${total} of ${limit}`,
      blocked: (amount: string, date: string) =>
        `The monthly limit blocked a recharge of ${amount} on ${date}.`,
    },
  },
  nl: {
    title: 'Automatisch opladen',
    current: {
      label: 'Huidige instelling',
      notSet: 'Niet ingesteld: vul in wat je op de facturatiepagina van OpenAI hebt ingesteld.',
      off: 'Uit',
      on: 'Aan',
      add: (threshold: string, amount: string) => `onder ${threshold}, ${amount} opladen`,
      topUp: (threshold: string, target: string) => `onder ${threshold}, aanvullen tot ${target}`,
      limit: (limit: string) => `hooguit ${limit} per maand`,
      noLimit: 'geen maandlimiet',
      used: (used: string) => `deze maand ${used} gebruikt`,
    },
    missing: {
      title: 'Opladen verwacht, maar niet gezien',
      body: 'Als er niet is opgeladen, is er meestal iets mis met je kaart: OpenAI zet automatisch opladen uit na een mislukte betaling. Controleer je betaalmethode op de facturatiepagina van OpenAI.',
    },
    projection: {
      title: 'Bij je huidige verbruik',
      noPace: 'Nog niet genoeg uitgaven om automatisch opladen vooruit te berekenen.',
      unreadable: 'Vul het formulier aan om te zien wat automatisch opladen zou doen.',
      off: 'Met automatisch opladen uit wordt er niets opgeladen.',
      nextRecharge: (date: string, relative: string) => `Volgende keer opladen rond ${date} (${relative}).`,
      noRecharge: 'Bij dit verbruik is binnen een jaar geen opladen nodig.',
      perMonth: (count: string, cost: string) =>
        `Oplaadbeurten per maand: ongeveer ${count}, samen ongeveer ${cost}.`,
      nonePerMonth: 'Bij je huidige verbruik wordt er niet maandelijks opgeladen.',
      limitReached: (limit: string, date: string, nextMonth: string) =>
        `De maandlimiet van ${limit} wordt rond ${date} bereikt. Tot ${nextMonth} wordt er niet meer opgeladen.`,
      runsOut: (date: string) => `API-verzoeken mislukken vanaf ongeveer ${date}.`,
      lasts: 'Bij dit verbruik blijven API-verzoeken minstens een jaar werken.',
      chartTitle: 'Saldo de komende 30 dagen',
      chartLabel: (from: string, to: string, lowest: string, recharges: string) =>
        `Verwacht saldo de komende 30 dagen: vandaag ${from}, aan het eind ${to}, laagste ${lowest}. Oplaadbeurten: ${recharges}.`,
      balance: 'Saldo aan het eind van de dag',
      threshold: (amount: string) => `Drempel ${amount}`,
      recharge: 'Automatisch opladen',
      legend: 'Legenda',
      tableCaption: 'Verwacht saldo per dag en wat er die dag is opgeladen.',
      day: 'Dag',
      recharged: 'Opgeladen',
    },
    form: {
      title: 'Instelling',
      openaiNotice:
        'Saldo kan de instellingen van OpenAI niet wijzigen. Vul in wat je op de facturatiepagina van OpenAI hebt ingesteld, zodat de berekening en de meldingen kloppen.',
      openBilling: 'Facturatiepagina van OpenAI openen',
      enabled: 'Automatisch opladen aan',
      mode: 'Hoe er wordt opgeladen',
      add: 'Een vast bedrag opladen',
      topUp: 'Aanvullen tot een doel',
      threshold: 'Als het saldo lager wordt dan (USD)',
      amount: 'Oplaadbedrag (USD)',
      target: 'Saldo aanvullen tot (USD)',
      monthlyLimit: 'Maandlimiet (USD, optioneel)',
      limitsHint: (min: string, max: string) => `Elke oplaadbeurt is een aankoop: ${min} tot ${max}.`,
      apply: 'Toepassen',
      save: 'Opslaan',
      applied: 'Toegepast',
      saved: 'Opgeslagen',
      invalidAmount: (example: string) =>
        `Vul een bedrag in US$ in, zoals ${example}, met hooguit 6 decimalen.`,
      required: 'Vul een bedrag in: automatisch opladen heeft het nodig als het aan staat.',
      outOfRange: (min: string, max: string, amount: string) =>
        `Elke oplaadbeurt is een aankoop en moet dus tussen ${min} en ${max} liggen. ${amount} valt daarbuiten.`,
      targetNotAbove: (threshold: string) =>
        `Het saldo om tot aan te vullen moet boven de drempel van ${threshold} liggen.`,
      limitNotPositive: (zero: string) =>
        `De maandlimiet moet meer zijn dan ${zero}; laat het veld leeg voor geen limiet.`,
    },
    warnings: {
      label: 'Let op',
      busiestDay: (busiest: string, threshold: string) =>
        `Je duurste dag kostte ${busiest}, meer dan de drempel van ${threshold}: je tegoed kan op zijn voordat er is opgeladen. Houd wat marge aan.`,
      belowThreshold: (balance: string) =>
        `Je saldo van ${balance} staat al onder de drempel: er wordt dan meteen opgeladen.`,
      limitBelowRecharge: (limit: string) =>
        `De maandlimiet van ${limit} is kleiner dan één oplaadbeurt, dus elke oplaadbeurt wordt geblokkeerd.`,
      outOfLimits: (min: string, max: string) =>
        `Een oplaadbedrag buiten ${min} tot ${max} wordt nooit opgeladen: er zou niets gebeuren.`,
    },
    made: {
      title: 'Eerdere oplaadbeurten',
      caption:
        'Wat automatisch opladen heeft opgeladen, nieuwste eerst, met het saldo dat elke oplaadbeurt startte en het totaal van die maand.',
      empty: 'Nog niet automatisch opgeladen.',
      listedOnly: (listed: string) =>
        `OpenAI geeft zijn tegoeden zonder te zeggen welke oplaadbeurten waren: zie Tegoeden, waar ze als ‘${listed}’ staan.`,
      date: 'Datum',
      amount: 'Bedrag',
      balanceBefore: 'Bij een saldo van',
      monthTotal: 'Totaal die maand',
      ofLimit: (total: string, limit: string) => `${total} van ${limit}`,
      blocked: (amount: string, date: string) =>
        `De maandlimiet blokkeerde op ${date} een oplaadbeurt van ${amount}.`,
    },
  },
});
