/**
 * The words of every alert, in English and Dutch, after ux.md §3 (key sentences 4–8, glossary, "je")
 * and §4: the title states the fact with its number, the body the consequence and the action.
 * Every placeholder is filled through Intl (alert-format.ts); no key, organization id or e-mail.
 */
import type { Instant } from '../billing/instant';
import type { Micros } from '../billing/money';
import { LANGUAGES, type Language, type LocalText } from './alert';
import {
  formatDate,
  formatDaysAhead,
  formatHours,
  formatMoney,
  formatPercent,
  formatRunwayDays,
  formatShare,
} from './alert-format';

export interface AlertCopy {
  title: LocalText;
  body: LocalText;
}

function inEach(text: (language: Language) => string): LocalText {
  return Object.fromEntries(LANGUAGES.map((language) => [language, text(language)])) as LocalText;
}

function copy(title: (language: Language) => string, body: (language: Language) => string): AlertCopy {
  return { title: inEach(title), body: inEach(body) };
}

const BUY = {
  en: "Buy credit on OpenAI's billing page",
  nl: 'Koop tegoed op de facturatiepagina van OpenAI',
};

/** `failsInDays`: how soon API requests start to fail at this pace; null when not within a year. */
export function lowBalanceCopy(balance: Micros, failsInDays: number | null): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Low balance: ${formatMoney(balance, l)} left`
        : `Laag saldo: nog ${formatMoney(balance, l)}`,
    (l) => {
      if (failsInDays === null) {
        return l === 'en'
          ? `${BUY.en} to keep your API calls working.`
          : `${BUY.nl} om je API-verzoeken te laten blijven werken.`;
      }
      return l === 'en'
        ? `At your current pace API requests start to fail in ${formatRunwayDays(failsInDays, l)}. ${BUY.en} to keep your API calls working.`
        : `Bij je huidige verbruik mislukken API-verzoeken over ${formatRunwayDays(failsInDays, l)}. ${BUY.nl} om je API-verzoeken te laten blijven werken.`;
    },
  );
}

/** `failsInDays` until `failsAt`: when API requests start to fail at this pace, auto-recharge included. */
export function shortRunwayCopy(failsInDays: number, failsAt: Instant): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `API requests start to fail in ${formatRunwayDays(failsInDays, l)}`
        : `API-verzoeken mislukken over ${formatRunwayDays(failsInDays, l)}`,
    (l) =>
      l === 'en'
        ? `At your current pace your credit runs out around ${formatDate(failsAt, l)}, and then OpenAI refuses API requests. ${BUY.en} to prevent that.`
        : `Bij je huidige verbruik is je tegoed op rond ${formatDate(failsAt, l)}, en dan weigert OpenAI API-verzoeken. ${BUY.nl} om dat te voorkomen.`,
  );
}

export function creditUsedUpCopy(available: Micros): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Credit used up: ${formatMoney(available, l)} available`
        : `Tegoed op: ${formatMoney(available, l)} beschikbaar`,
    (l) =>
      l === 'en'
        ? `OpenAI now refuses API requests. Retrying won't help: buy credit on OpenAI's billing page.`
        : `OpenAI weigert nu API-verzoeken. Opnieuw proberen helpt niet: koop tegoed op de facturatiepagina van OpenAI.`,
  );
}

export function negativeBalanceCopy(balance: Micros): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Negative balance: ${formatMoney(balance, l)}`
        : `Negatief saldo: ${formatMoney(balance, l)}`,
    (l) =>
      l === 'en'
        ? `OpenAI stopped requests a little late; this amount will come off your next purchase.`
        : `OpenAI stopte de verzoeken iets te laat; dit bedrag gaat af van je volgende aankoop.`,
  );
}

export function creditRestoredCopy(available: Micros): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Credit available again: ${formatMoney(available, l)}`
        : `Weer tegoed beschikbaar: ${formatMoney(available, l)}`,
    (l) =>
      l === 'en'
        ? `OpenAI accepts your API requests again; nothing else to do.`
        : `OpenAI neemt je API-verzoeken weer aan; je hoeft verder niets te doen.`,
  );
}

/**
 * Key sentence 7, for every grant expiring on one UTC day together. `unused` is null when the
 * burn rate has too little history to say.
 */
export function expiryCopy(
  amount: Micros,
  expiresAt: Instant,
  daysLeft: number,
  unused: Micros | null,
): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `${formatMoney(amount, l)} of credit expires on ${formatDate(expiresAt, l)}`
        : `Op ${formatDate(expiresAt, l)} vervalt ${formatMoney(amount, l)} tegoed`,
    (l) => {
      const when =
        l === 'en' ? `That is ${formatDaysAhead(daysLeft, l)}.` : `Dat is ${formatDaysAhead(daysLeft, l)}.`;
      if (unused === null) {
        return l === 'en'
          ? `${when} Expired credit is gone, so plan your usage or purchases around it.`
          : `${when} Vervallen tegoed is weg, dus houd er rekening mee bij je verbruik of aankopen.`;
      }
      if (unused === 0n) {
        return l === 'en'
          ? `${when} At your current pace it will be used up before then.`
          : `${when} Bij je huidige verbruik is het voor die tijd opgebruikt.`;
      }
      return l === 'en'
        ? `${when} At your current pace, about ${formatMoney(unused, l)} of it will go unused.`
        : `${when} Bij je huidige verbruik blijft daarvan ongeveer ${formatMoney(unused, l)} ongebruikt.`;
    },
  );
}

export function forfeitRiskCopy(amount: Micros, expiresAt: Instant): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `${formatMoney(amount, l)} of credit will likely go unused`
        : `${formatMoney(amount, l)} tegoed blijft waarschijnlijk ongebruikt`,
    (l) =>
      l === 'en'
        ? `It expires on ${formatDate(expiresAt, l)}, before your current pace uses it up. Next time, consider buying smaller amounts.`
        : `Het vervalt op ${formatDate(expiresAt, l)}, voordat je het bij je huidige verbruik opmaakt. Overweeg de volgende keer kleinere bedragen te kopen.`,
  );
}

export function rechargeSeenCopy(
  amount: Micros,
  usedThisMonth: Micros,
  monthlyLimit: Micros | null,
): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Auto-recharge added ${formatMoney(amount, l)}`
        : `Automatisch opladen heeft ${formatMoney(amount, l)} toegevoegd`,
    (l) => {
      if (monthlyLimit === null) {
        return l === 'en'
          ? `Auto-recharge has bought ${formatMoney(usedThisMonth, l)} this month; no action needed.`
          : `Automatisch opladen heeft deze maand ${formatMoney(usedThisMonth, l)} gekocht; je hoeft niets te doen.`;
      }
      return l === 'en'
        ? `Auto-recharge has bought ${formatMoney(usedThisMonth, l)} of its ${formatMoney(monthlyLimit, l)} monthly limit this month; no action needed.`
        : `Automatisch opladen heeft deze maand ${formatMoney(usedThisMonth, l)} van de maandlimiet van ${formatMoney(monthlyLimit, l)} gekocht; je hoeft niets te doen.`;
    },
  );
}

export function rechargeMissingCopy(balance: Micros, threshold: Micros): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Auto-recharge did not top up: ${formatMoney(balance, l)} left`
        : `Automatisch opladen heeft niet opgeladen: nog ${formatMoney(balance, l)}`,
    (l) =>
      l === 'en'
        ? `Your balance has been below ${formatMoney(threshold, l)} for over an hour without a top-up, which usually means the card was declined. Check your payment method on OpenAI's billing page.`
        : `Je saldo staat al meer dan een uur onder ${formatMoney(threshold, l)} zonder dat er is opgeladen; meestal is de betaling met je kaart mislukt. Controleer je betaalmethode op de facturatiepagina van OpenAI.`,
  );
}

/** Key sentence 8. `nextMonth` is 00:00 UTC of the next month; `runOut` null when the pace cannot tell. */
export function rechargeLimitCopy(limit: Micros, nextMonth: Instant, runOut: Instant | null): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Auto-recharge has reached this month's limit of ${formatMoney(limit, l)}`
        : `Automatisch opladen heeft de maandlimiet van ${formatMoney(limit, l)} bereikt`,
    (l) => {
      if (runOut === null) {
        return l === 'en'
          ? `No more top-ups until ${formatDate(nextMonth, l)}; keep an eye on your balance or buy credit on OpenAI's billing page.`
          : `Tot ${formatDate(nextMonth, l)} wordt er niet meer opgeladen; houd je saldo in de gaten of koop tegoed op de facturatiepagina van OpenAI.`;
      }
      return l === 'en'
        ? `No more top-ups until ${formatDate(nextMonth, l)}; your credit may run out on ${formatDate(runOut, l)}.`
        : `Tot ${formatDate(nextMonth, l)} wordt er niet meer opgeladen; je tegoed kan op ${formatDate(runOut, l)} op zijn.`;
    },
  );
}

export function syncFailingCopy(failingForMs: number): AlertCopy {
  const hours = Math.max(1, Math.floor(failingForMs / 3_600_000));
  return copy(
    (l) =>
      l === 'en'
        ? `Saldo has not been able to update for ${formatHours(hours, l)}`
        : `Saldo kan al ${formatHours(hours, l)} niet bijwerken`,
    (l) =>
      l === 'en'
        ? `The figures you see may be out of date. Check your internet connection and your Admin key in Settings.`
        : `De bedragen die je ziet kunnen verouderd zijn. Controleer je internetverbinding en je Admin-sleutel bij Instellingen.`,
  );
}

export function budgetCopy(percent: number, spent: Micros, budget: Micros): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? `Monthly budget ${formatPercent(percent, l)} used: ${formatMoney(spent, l)} of ${formatMoney(budget, l)}`
        : `Maandbudget ${formatPercent(percent, l)} gebruikt: ${formatMoney(spent, l)} van ${formatMoney(budget, l)}`,
    (l) =>
      l === 'en'
        ? `Saldo's budget only warns; it does not stop OpenAI spending. To cap spending, set a spend limit on OpenAI.`
        : `Het budget van Saldo waarschuwt alleen; het houdt de uitgaven bij OpenAI niet tegen. Wil je de uitgaven begrenzen, stel dan een uitgavenlimiet in bij OpenAI.`,
  );
}

/**
 * OpenAI's hard monthly spend limit: `reached` when this month's spend is at it (requests fail),
 * else nearly there. Worded as the Overview's status line words the quota error it leads to.
 */
export function spendLimitCopy(reached: boolean, spent: Micros, limit: Micros): AlertCopy {
  const share = (l: Language) => formatShare(Number(spent) / Number(limit), l);
  const amounts = (l: Language) =>
    l === 'en'
      ? `${formatMoney(spent, l)} of ${formatMoney(limit, l)} this month (${share(l)})`
      : `${formatMoney(spent, l)} van ${formatMoney(limit, l)} deze maand (${share(l)})`;
  return copy(
    (l) =>
      l === 'en'
        ? `Spend limit ${reached ? 'reached' : 'nearly reached'}: ${amounts(l)}`
        : `Uitgavenlimiet ${reached ? 'bereikt' : 'bijna bereikt'}: ${amounts(l)}`,
    (l) =>
      reached
        ? limitReachedBody(l)
        : l === 'en'
          ? "Once this month's spend reaches it, OpenAI refuses API requests. Raise it in OpenAI's limits settings if you need more."
          : 'Zodra de uitgaven van deze maand die bereiken, weigert OpenAI API-verzoeken. Verhoog hem in de limietinstellingen van OpenAI als je meer nodig hebt.',
  );
}

function limitReachedBody(l: Language): string {
  return l === 'en'
    ? "OpenAI refuses API requests until the month ends or you raise your organization's spend limit in OpenAI's limits settings."
    : 'OpenAI weigert API-verzoeken tot de maand voorbij is of je de uitgavenlimiet van je organisatie verhoogt in de limietinstellingen van OpenAI.';
}

/** OpenAI refused a sync with `organization_spend_limit_exceeded`: the limit is reached, whatever the figures say. */
export function spendLimitExceededCopy(): AlertCopy {
  return copy(
    (l) =>
      l === 'en'
        ? 'Spend limit reached: OpenAI refuses API requests'
        : 'Uitgavenlimiet bereikt: OpenAI weigert API-verzoeken',
    limitReachedBody,
  );
}
