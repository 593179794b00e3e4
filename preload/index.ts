/**
 * Sandboxed preload (bundled to dist/preload/index.cjs). Exposes the contract's calls
 * and nothing else: no ipcRenderer, no generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, buildBridge } from '../common/bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
