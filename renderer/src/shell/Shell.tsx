/** The signed-in window: header, area menu, the open area, status bar. */
import { Menu, Spin } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useApp } from '../stores/app';
import { useNav } from '../stores/nav';
import { useSessionWatch } from '../stores/session-watch';
import { AREAS, shortcutLabel, type AreaKey } from './areas';
import { PAGES } from './pages';
import { StatusBar } from './StatusBar';

// only keeps styles warm for the areas: built later, never in the way of signing in or a first search
const StyleKeeper = lazy(() => import('./StyleKeeper').then((m) => ({ default: m.StyleKeeper })));

/** A few seconds into the session, when the window is idle: after whatever the clerk does first. */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let idleId = 0;
    const timer = setTimeout(() => (idleId = window.requestIdleCallback(() => setIdle(true), { timeout: 10_000 })), 5000);
    return () => {
      clearTimeout(timer);
      window.cancelIdleCallback(idleId);
    };
  }, []);
  return idle;
}
import { attachWorkFocus } from './work-focus';
import * as S from './strings';

function dialogOpen(): boolean {
  return Array.from(document.querySelectorAll('.ant-modal-wrap')).some((el) => getComputedStyle(el).display !== 'none');
}

function useAreaShortcuts(go: (area: AreaKey) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // e.code, not e.key: Alt+digit types other characters on some layouts
      const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
      if (!m) return;
      const area = AREAS.find((a) => a.digit === Number(m[1]));
      if (!area) return;
      // an open dialog keeps the keyboard; switching areas under it would lose its work
      if (dialogOpen()) return;
      e.preventDefault();
      go(area.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}

export function Shell() {
  const station = useApp((s) => s.info?.station ?? null);
  const area = useNav((s) => s.area);
  const go = useNav((s) => s.go);
  const content = useRef<HTMLElement>(null);
  const idle = useIdle();

  useSessionWatch(true);
  useEffect(() => (content.current ? attachWorkFocus(content.current) : undefined), []);
  useAreaShortcuts(go);
  useEffect(() => go('workbench'), [go]);

  const Page = PAGES[area];

  return (
    <div className="sd-shell" data-testid="shell">
      <header className="sd-header">
        <div className="sd-brand">
          <div className="sd-brand-mark sm" aria-hidden>
            站
          </div>
          <span className="sd-header-station" data-testid="header-station">
            {station?.name}
          </span>
          <span className="sd-header-sep" aria-hidden />
          <span className="sd-header-product">{station?.county ? `${station.county} · ${S.PRODUCT}` : S.PRODUCT}</span>
        </div>
      </header>

      <nav className="sd-nav" aria-label={S.NAV_LABEL}>
        <Menu
          mode="inline"
          selectedKeys={[area]}
          onClick={({ key }) => go(key as AreaKey)}
          data-testid="nav"
          items={AREAS.map((a) => ({
            key: a.key,
            icon: a.icon,
            label: a.label,
            extra: <span className="sd-kbd">{shortcutLabel(a)}</span>,
            title: `${a.label}（${shortcutLabel(a)}）`,
            'data-testid': `nav-${a.key}`,
          }))}
        />
        <div className="sd-nav-foot">
          <div>{S.NAV_HINT_1}</div>
          <div>{S.NAV_HINT_TABS}</div>
          <div>{S.NAV_HINT_2}</div>
        </div>
      </nav>

      <main className="sd-content" data-testid="content" ref={content}>
        <div className="sd-area-frame" data-area={area} key={area}>
          <ErrorBoundary resetKey={area}>
            <Suspense fallback={<Spin className="sd-page-loading" />}>
              <Page />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>

      <StatusBar />
      {idle && (
        <Suspense fallback={null}>
          <StyleKeeper />
        </Suspense>
      )}
    </div>
  );
}
