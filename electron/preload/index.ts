/**
 * The preload: the bridge contract as `window.saldo`, through contextBridge (the page is isolated
 * and sandboxed, so this is all it gets). Bundled into one CommonJS file: a sandboxed preload can
 * require nothing but 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './preload-bridge';

contextBridge.exposeInMainWorld('saldo', createPreloadBridge(ipcRenderer));
