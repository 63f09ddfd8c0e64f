export * from './channels';
export * from './dashboard-state';
export * from './result';
