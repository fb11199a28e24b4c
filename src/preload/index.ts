// The sandboxed preload: exposes the bridge (one function per contract call, cancel, events, menu
// commands) and nothing else. It bundles only src/shared's plain files, never the zod contract.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('crosswalk', createBridge(ipcRenderer));
