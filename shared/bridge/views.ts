/**
 * The dashboard's views, in navigation order; a view's name is its route (`#/spend`). Shared because
 * main opens a view too: a notification's click, a tray item (`app:open-view`).
 */
export const VIEWS = ['overview', 'spend', 'credits', 'auto-recharge', 'alerts', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];
