/** What the bridge's tests share, in-process (session.test.ts) and over HTTP (cli/serve/server.test.ts). */

/** An auto-recharge setting as `auto-recharge:set` takes it: add $10 below $5, no monthly limit. */
export const ADD_10_BELOW_5 = {
  enabled: true,
  threshold: '5',
  mode: 'add',
  amount: '10',
  target: null,
  monthlyLimit: null,
} as const;
