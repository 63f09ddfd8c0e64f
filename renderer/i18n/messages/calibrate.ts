import { catalogue } from '../messages';

export const calibrateMessages = catalogue({
  en: {
    label: 'Balance on the billing page (USD)',
    hint: (example: string) =>
      `Type it as shown there, for example ${example}. A negative balance starts with a minus.`,
    submit: 'Correct balance',
    invalid: (example: string) =>
      `Enter the balance as an amount in USD, like ${example}, with at most 6 decimals. A negative balance starts with a minus.`,
    saved: (amount: string) => `Balance corrected to ${amount}.`,
    openBilling: "Open OpenAI's billing page",
  },
  nl: {
    label: 'Saldo op de facturatiepagina (USD)',
    hint: (example: string) =>
      `Typ het zoals het daar staat, bijvoorbeeld ${example}. Een negatief saldo begint met een min.`,
    submit: 'Saldo corrigeren',
    invalid: (example: string) =>
      `Vul het saldo in als bedrag in US$, zoals ${example}, met hooguit 6 decimalen. Een negatief saldo begint met een min.`,
    saved: (amount: string) => `Saldo gecorrigeerd naar ${amount}.`,
    openBilling: 'Facturatiepagina van OpenAI openen',
  },
});
