// `npm start`: the Electron app in dev mode (electron-vite dev) when Electron's binary is installed.
// Where it could not be downloaded (offline build machines), say so and serve the same UI to a browser
// instead: the renderer is built, and the test/dev host (out/node/e2e-host.cjs) bridges window.wdt to
// the same AppApi over HTTP on 127.0.0.1. That host is for trying things out, never shipped.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // electron/index.js throws when its download never happened
  }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}`))));
  });
}

if (electronBinary()) {
  await run(bin('electron-vite'), ['dev']);
} else {
  console.log(
    [
      'Electron 的程序文件没有下载成功（本机无法访问 Electron 的下载地址），所以桌面窗口无法启动。',
      "Electron's binary could not be downloaded on this machine, so the desktop window can't start.",
      'Serving the same UI to a browser instead (built renderer + the dev host on 127.0.0.1)…',
      '能访问 github.com 后运行 `node node_modules/electron/install.js` 即可使用桌面窗口。',
      'Once github.com can be reached, `node node_modules/electron/install.js` gets the desktop window.',
      '',
    ].join('\n'),
  );
  await run(bin('electron-vite'), ['build']);
  await run(process.execPath, [path.join(root, 'scripts/build-node.mjs')]);
  const port = process.env.WDT_BULK_PORT ?? '5180';
  const host = spawn(process.execPath, [path.join(root, 'out/node/e2e-host.cjs'), '--dev-bridge', '--port', port], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: host.stdout }).once('line', (line) => {
    // The address carries the host's token in its fragment: only whoever sees this terminal can use the API.
    const { open, home } = JSON.parse(line);
    console.log(
      [
        '',
        `  WDT 批量导入（浏览器模式 / browser mode）：${open}`,
        '  请用浏览器打开上面完整的地址（含 #token=… 部分）；不要分享它。',
        '  Open the whole address above (with its #token=… part) in a browser; do not share it.',
        `  数据文件夹 / data folder: ${home}`,
        '  AppSecret 只保存在本次运行的内存中 / secrets are kept in memory for this run only. Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
