import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, ipcMain, shell } from 'electron'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { startDesktopApp } from './desktop-app'
import { electronHostHooks } from './host-hooks'
import { safeStorageCipher } from './secret-cipher'
import { installProcessGuards } from './services/process-guard'

// out/main/main.js → out/
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

void startDesktopApp(
  { app, BrowserWindow, ipcMain, shell },
  {
    outDir,
    registerScheme: registerAppScheme,
    serveRenderer: serveAppProtocol,
    userDataDir: () => process.env.LAB_USER_DATA ?? app.getPath('userData'),
    hooks: { ...electronHostHooks, secretCipher: safeStorageCipher },
    // An error nothing caught is logged and shown; the app keeps serving its window.
    onServices: (services) => installProcessGuards(services.hub),
  },
)
