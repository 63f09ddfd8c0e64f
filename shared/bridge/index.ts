export * from './channels';
export * from './dashboard-state';
export * from './result';
export * from './views';
export * from './receive';
