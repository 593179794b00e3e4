// `npm start`: sets up what is missing, then opens StationDesk — in Electron when its
// binary is installed, otherwise in browser mode (loopback server + app-mode browser window).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root, ensureDependencies, ensureBuilt, electronBinary, ensureNativeFor } from './lib.mjs';

ensureDependencies();
ensureBuilt();
const electron = electronBinary();
const passthrough = process.argv.slice(2);
let child;
if (electron && !passthrough.includes('--browser')) {
  ensureNativeFor('electron');
  console.log('· 启动 StationDesk（Electron）');
  child = spawn(electron, [root], { stdio: 'inherit' });
} else {
  ensureNativeFor('node');
  console.log('· 未安装 Electron 程序文件，以浏览器模式启动');
  const args = [path.join(root, 'dist/main/host.js'), ...passthrough.filter((a) => a !== '--browser')];
  if (!passthrough.includes('--no-open')) args.push('--open');
  child = spawn(process.execPath, args.filter((a) => a !== '--no-open'), { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
