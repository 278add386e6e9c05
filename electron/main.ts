import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, ipcMain } from 'electron'
import { createServices } from './services/compose'
import { installProcessGuards } from './services/process-guard'
import { attachElectronAdapter } from './ipc/electron-adapter'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { createSecureWindow } from './window'
import { electronHostHooks } from './host-hooks'
import { safeStorageCipher } from './secret-cipher'

// out/main/main.js → out/
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

registerAppScheme()
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void app.whenReady().then(() => {
    serveAppProtocol(path.join(outDir, 'renderer'))
    const services = createServices({
      userDataDir: process.env.LAB_USER_DATA ?? app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      hooks: { ...electronHostHooks, secretCipher: safeStorageCipher },
    })
    installProcessGuards(services.hub)
    attachElectronAdapter(ipcMain, services.dispatch, services.hub, () => BrowserWindow.getAllWindows().map((w) => w.webContents))
    let win = createSecureWindow(outDir)
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore()
      win.focus()
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = createSecureWindow(outDir)
    })
    app.on('before-quit', () => services.dispose())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
