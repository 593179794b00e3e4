import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useApp } from './stores/app';
import { startClock } from './stores/clock';
import './styles.css';
import { installRareCharacterFonts } from './fonts';

installRareCharacterFonts();

// antd's date pickers format through dayjs
dayjs.locale('zh-cn');

// Ask main who we are before React's first render, so the answer is on its way while the page builds.
startClock();
void useApp.getState().load();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
