// Electron entry, built to dist/main/index.js. Only main/electron/ and preload/ import
// 'electron'; everything else runs the same in browser mode.
import './electron/app';
