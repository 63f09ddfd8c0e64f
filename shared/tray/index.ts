export { TRAY_ICON_STATES, type TrayIconState } from './tray-state';
export { TOOLTIP_LIMIT, trayViewOf, type TrayView } from './tray-view';
