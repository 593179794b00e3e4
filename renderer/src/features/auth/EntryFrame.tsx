/** The frame of the screens before sign-in: a quiet page with a thin red line and the product's name below. */
import type { ReactNode } from 'react';
import { useApp } from '../../stores/app';
import * as S from './strings';

export function BrandLine({ title, sub }: { title: ReactNode; sub: ReactNode }) {
  return (
    <div className="sd-brand">
      <div className="sd-brand-mark" aria-hidden>
        站
      </div>
      <div>
        <div className="sd-brand-title">{title}</div>
        <div className="sd-brand-sub">{sub}</div>
      </div>
    </div>
  );
}

export function EntryFrame({ children, foot }: { children: ReactNode; foot?: ReactNode }) {
  const version = useApp((s) => s.info?.version);
  return (
    <div className="sd-entry">
      <div className="sd-entry-inner">
        {children}
        <div className="sd-entry-foot">
          {foot}
          <div>
            {S.PRODUCT} {S.PRODUCT_CN}
            {version && (
              <>
                {' '}
                · {S.VERSION} {version}
              </>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
