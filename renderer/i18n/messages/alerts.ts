import { catalogue } from '../messages';

export const alertsMessages = catalogue({
  en: {
    title: 'Alerts',
    current: 'Now',
    noCurrent:
      'No alerts right now. Saldo tells you here, and with a notification, when something needs you.',
    severity: { critical: 'Critical', warning: 'Warning', info: 'Info' },
    open: (view: string) => `Open ${view}`,
    past: 'Last 90 days',
    noPast: 'No alerts in the last 90 days.',
    firedAt: (when: string) => `Fired ${when}`,
    settings: 'Alert settings',
    lowBalance: 'Low balance below (USD)',
    lowBalanceHint: 'Warns once when the balance drops below this amount.',
    runwayDays: 'Runway warning (days)',
    runwayDaysHint: 'Warns when the credit will last fewer days than this.',
    expiryReminders: 'Expiry reminders',
    reminderDays: (days: string) => `${days} before`,
    forecastWarnings: 'Forecast warnings: short runway and credit likely to go unused',
    forecastWarningsHint: (days: string) => `Needs ${days} of spend history.`,
    monthlyBudget: 'Monthly budget (USD, optional)',
    monthlyBudgetHint: (steps: string) =>
      `Warns at ${steps} of this month's spend. Saldo's budget only warns; it does not stop OpenAI spending.`,
    invalidAmount: (example: string) => `Enter an amount in USD, like ${example}, with at most 6 decimals.`,
    invalidBudget: (example: string) =>
      `Enter an amount in USD greater than zero, like ${example}, or leave it empty for no budget.`,
    invalidDays: (min: string, max: string) => `Enter a whole number of days from ${min} to ${max}.`,
    nothingChanged: 'Nothing to save: no setting changed.',
    saved: 'Alert settings saved.',
  },
  nl: {
    title: 'Meldingen',
    current: 'Nu',
    noCurrent:
      'Op dit moment geen meldingen. Saldo laat het je hier en met een melding weten als er iets moet gebeuren.',
    severity: { critical: 'Kritiek', warning: 'Waarschuwing', info: 'Info' },
    open: (view: string) => `${view} openen`,
    past: 'Afgelopen 90 dagen',
    noPast: 'Geen meldingen in de afgelopen 90 dagen.',
    firedAt: (when: string) => `Gemeld ${when}`,
    settings: 'Instellingen voor meldingen',
    lowBalance: 'Laag saldo onder (USD)',
    lowBalanceHint: 'Waarschuwt één keer als het saldo onder dit bedrag komt.',
    runwayDays: 'Waarschuwen bij nog genoeg voor minder dan (dagen)',
    runwayDaysHint: 'Waarschuwt als je tegoed voor minder dagen genoeg is dan dit.',
    expiryReminders: 'Herinneringen voor de vervaldatum',
    reminderDays: (days: string) => `${days} van tevoren`,
    forecastWarnings: 'Waarschuwingen uit de voorspelling: weinig dagen over en tegoed dat ongebruikt blijft',
    forecastWarningsHint: (days: string) => `Heeft ${days} aan uitgaven nodig.`,
    monthlyBudget: 'Maandbudget (USD, optioneel)',
    monthlyBudgetHint: (steps: string) =>
      `Waarschuwt bij ${steps} van de uitgaven van deze maand. Het budget van Saldo waarschuwt alleen; het houdt de uitgaven bij OpenAI niet tegen.`,
    invalidAmount: (example: string) =>
      `Vul een bedrag in US$ in, zoals ${example}, met hooguit 6 decimalen.`,
    invalidBudget: (example: string) =>
      `Vul een bedrag in US$ in dat groter is dan nul, zoals ${example}, of laat het leeg voor geen budget.`,
    invalidDays: (min: string, max: string) => `Vul een heel aantal dagen in van ${min} tot ${max}.`,
    nothingChanged: 'Niets op te slaan: er is geen instelling gewijzigd.',
    saved: 'Instellingen voor meldingen opgeslagen.',
  },
});
