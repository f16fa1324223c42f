import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions
} from 'electron'
import { ipcEventChannel } from '../shared/channels'
import { openCore, type Core } from './core/app'
import { bindFileIpc } from './electron/files'
import { bindLabelsFolderIpc } from './electron/labels-folder'
import { previewFolder } from './core/printers/preview-labels'
import { bindIpc } from './electron/ipc'
import {
  APP_ORIGIN,
  APP_SCHEME,
  isTrustedUrl,
  parseWindowState,
  resolveAppPath
} from './electron/trust'
import { readFlag } from './hosts/args'
import { CONTENT_SECURITY_POLICY } from './hosts/csp'

/** The Electron shell: window, security guards, IPC binding. All logic lives in ./core. */

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

const dataDirFlag = readFlag(process.argv, 'data-dir') ?? process.env.WAYBILL_DATA_DIR
if (dataDirFlag) {
  app.setPath('userData', dataDirFlag)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let win: BrowserWindow | null = null
  let core: Core | null = null

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) {
        win.restore()
      }
      win.focus()
    }
  })

  // Deny everything a page could use to leave the app or gain power (DESIGN invariant 8).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) {
        event.preventDefault()
      }
    })
    contents.on('will-redirect', (event) => {
      event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
    })
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  void app.whenReady().then(() => {
    const rendererRoot = join(__dirname, '../renderer')
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppPath(request.url, rendererRoot, join)
      if (file === null || !existsSync(file)) {
        return new Response(null, { status: 404 })
      }
      return new Response(await readFile(file), {
        headers: {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff'
        }
      })
    })
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
      callback(false)
    })
    session.defaultSession.setPermissionCheckHandler(() => false)

    core = openCore({
      dataDir: app.getPath('userData'),
      host: { host: 'electron', version: app.getVersion() },
      // Built beside this file from the second main entry in electron.vite.config.ts.
      importCommitWorker: { url: join(__dirname, 'commit-worker.js') }
    })
    bindIpc(ipcMain, core.dispatch)
    bindFileIpc(ipcMain, core.ctx.files, async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('downloads'), suggestedName) }
      const chosen = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options)
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath
    })
    const openedCore = core
    bindLabelsFolderIpc(
      ipcMain,
      () => previewFolder(openedCore.ctx),
      async (dir) => {
        // The folder appears with the first label; open it before that too.
        await mkdir(dir, { recursive: true })
        return shell.openPath(dir)
      }
    )
    openedCore.subscribe((event, payload) => {
      win?.webContents.send(ipcEventChannel(event), payload)
    })
    installMenu(openedCore.ctx.dataDir)
    win = createWindow(openedCore.ctx.dataDir)
  })

  app.on('window-all-closed', () => {
    core?.close()
    core = null
    app.quit()
  })
}

function createWindow(dataDir: string): BrowserWindow {
  const stateFile = join(dataDir, 'window-state.json')
  const state = parseWindowState(existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : null)
  const win = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Waybill Station',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  if (state.maximized) {
    win.maximize()
  }
  win.once('ready-to-show', () => {
    win.show()
  })
  win.on('close', () => {
    const bounds = win.getNormalBounds()
    writeFileSync(stateFile, JSON.stringify({ ...bounds, maximized: win.isMaximized() }))
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

function installMenu(dataDir: string): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件 File',
      submenu: [
        { label: '打开数据文件夹 Open data folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        { role: 'quit', label: '退出 Quit' }
      ]
    },
    {
      label: '编辑 Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: '视图 View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: '帮助 Help',
      submenu: [{ label: `Waybill Station ${app.getVersion()}`, enabled: false }]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
