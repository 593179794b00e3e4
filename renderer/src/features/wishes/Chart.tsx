/** One ECharts chart; the library is fetched the first time a chart is shown (echarts-setup.ts). */
import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChartOption, echarts as EchartsNs } from './echarts-setup';
import * as S from './strings';

type Lib = { echarts: typeof EchartsNs };
let lib: Promise<Lib> | null = null;
const loadLib = () => (lib ??= import('./echarts-setup'));

export function Chart({ option, height = 280, testId }: { option: ChartOption; height?: number; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: ChartOption): void; dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    loadLib().then(
      ({ echarts }) => {
        if (disposed || !el.current) return;
        chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
        chart.setOption(option);
        window.addEventListener('resize', onResize);
        setState('ready');
      },
      () => {
        lib = null;
        if (!disposed) setState('failed');
      },
    );
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);

  return (
    <div style={{ position: 'relative' }} data-testid={testId} data-state={state}>
      {state === 'failed' && <Alert type="warning" showIcon title={S.ST_CHART_FAILED} />}
      {state === 'loading' && (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin tip={S.ST_LOADING_CHART} />
        </div>
      )}
      <div ref={el} style={{ width: '100%', height }} />
    </div>
  );
}
