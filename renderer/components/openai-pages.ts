/** OpenAI's own pages the views link to: Saldo cannot change billing, only point there. */
export const OPENAI_PAGES = {
  billing: 'https://platform.openai.com/settings/organization/billing/overview',
  limits: 'https://platform.openai.com/settings/organization/limits',
  adminKeys: 'https://platform.openai.com/settings/organization/admin-keys',
} as const;
