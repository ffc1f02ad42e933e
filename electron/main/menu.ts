/** The native application menu, in the UI language. Items that act in the page send a menu.command event. */
import { Menu, app } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../shared/settings'
import type { MenuCommand } from '../shared/api/contract'
import type { EventBus } from '../services/platform/event-bus'
import { MENU_LABELS } from '../shared/menu-labels'

export function installMenu(language: Language, bus: EventBus): void {
  const t = MENU_LABELS[language]
  const send = (command: MenuCommand) => (): void => bus.emit('menu.command', { command })
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.library, accelerator: 'CmdOrCtrl+L', click: send('open-library') },
        { label: t.search, accelerator: 'CmdOrCtrl+K', click: send('open-search') },
        { type: 'separator' },
        { label: t.exportNotes, click: send('export-notes') },
        { type: 'separator' },
        { label: t.settings, accelerator: 'CmdOrCtrl+,', click: send('open-settings') },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
        { type: 'separator' },
        // The page handles these keys itself (it knows when a text field has focus); the menu shows
        // them and, where the OS sends menu keys first (macOS), forwards them as commands.
        { label: t.findInDocument, accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: send('find-in-document') },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.back, accelerator: 'Alt+Left', registerAccelerator: false, click: send('go-back') },
        { label: t.forward, accelerator: 'Alt+Right', registerAccelerator: false, click: send('go-forward') },
        { type: 'separator' },
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: t.fullscreen, role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'DevTools', role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: t.help,
      submenu: [
        // Not registered: « ? » must still type a question mark in text fields.
        { label: t.shortcuts, accelerator: 'Shift+/', registerAccelerator: false, click: send('show-shortcuts') },
        { label: t.about, click: send('show-about') },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
