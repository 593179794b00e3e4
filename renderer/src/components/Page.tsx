/** The frame every area shares: a title line (focused when the area opens) and its content. */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function Page({ title, subtitle, actions, children, testId }: Props) {
  return (
    <section className="sd-page" data-testid={testId} aria-labelledby="sd-page-title">
      <div className="sd-page-head">
        <div>
          <h1 className="sd-page-title" id="sd-page-title" tabIndex={-1}>
            {title}
          </h1>
          {subtitle && <p className="sd-page-sub">{subtitle}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Gives a just-opened form its first field's focus (DESIGN.md §8: the form opens ready to type). */
export function useAutoFocus<T extends HTMLElement>(when = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
