/** The hall screen's own entry (lobby.html): no sign-in, no antd, no /api — only the public wall. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installRareCharacterFonts } from '../fonts';
import { LobbyScreen } from './LobbyScreen';
import './lobby.css';

installRareCharacterFonts();

const root = document.getElementById('lobby');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LobbyScreen />
    </StrictMode>,
  );
}
