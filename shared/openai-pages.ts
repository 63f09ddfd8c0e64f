/**
 * OpenAI's own pages Saldo points to: it cannot change billing, keys or limits, only send the user
 * there. One list for the views' links, the main process's messages and (later) the allow-list of
 * what the desktop app may open.
 */
export const OPENAI_PAGES = {
  billing: 'https://platform.openai.com/settings/organization/billing/overview',
  limits: 'https://platform.openai.com/settings/organization/limits',
  adminKeys: 'https://platform.openai.com/settings/organization/admin-keys',
} as const;
