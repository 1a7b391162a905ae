// The preload: runs sandboxed, bundled into one CommonJS file by electron-vite. It only wires
// Electron's ipcRenderer and webUtils into createApi and exposes the result as window.wdt.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from './api';

// webUtils.getPathForFile is the only way to learn a dropped File's path since File.path was removed;
// main still checks the path (regular file, spreadsheet extension) before it mints a ticket.
const api = createApi(ipcRenderer, (file) => webUtils.getPathForFile(file as File));

contextBridge.exposeInMainWorld('wdt', api);
