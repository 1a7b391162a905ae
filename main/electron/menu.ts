// A minimal menu: open a sheet, quit, the edit roles (copy/paste in inputs), and dev tools only in dev.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { t, type Lang } from '../../shared/i18n';

export function buildMenu(lang: Lang, actions: { open: () => void; dev: boolean }): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t(lang, 'ui.menu.file'),
      submenu: [
        { label: t(lang, 'ui.menu.open'), accelerator: 'CmdOrCtrl+O', click: actions.open },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: t(lang, 'ui.menu.quit') },
      ],
    },
    { role: 'editMenu', label: t(lang, 'ui.menu.edit') },
    ...(actions.dev
      ? [{ label: t(lang, 'ui.menu.view'), submenu: [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] }]
      : []),
  ];
  return Menu.buildFromTemplate(template);
}
