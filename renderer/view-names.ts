/** The dashboard's views, in navigation order; a view's name is its route (`#/spend`). */
export const VIEWS = ['overview', 'spend', 'credits', 'auto-recharge', 'alerts', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];
