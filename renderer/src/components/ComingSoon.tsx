/** An area whose work is not built yet: says plainly what will be here. No sample data. */
import type { ReactNode } from 'react';
import { Page } from './Page';
import { COMING_BADGE } from './strings';

export interface ComingSoonProps {
  title: string;
  subtitle: string;
  icon: ReactNode;
  heading: string;
  text: string;
  points: readonly { title: string; text: string }[];
  testId: string;
}

export function ComingSoon({ title, subtitle, icon, heading, text, points, testId }: ComingSoonProps) {
  return (
    <Page title={title} subtitle={subtitle} testId={testId}>
      <div className="sd-panel sd-coming">
        <div className="sd-coming-icon" aria-hidden>
          {icon}
        </div>
        <h2 className="sd-coming-title">{heading}</h2>
        <p className="sd-coming-text" data-testid={`${testId}-description`}>
          {text}
        </p>
        <div className="sd-coming-points">
          {points.map((p) => (
            <div className="sd-coming-point" key={p.title}>
              <div className="sd-coming-point-title">{p.title}</div>
              <div className="sd-coming-point-text">{p.text}</div>
            </div>
          ))}
        </div>
        <span className="sd-coming-badge">{COMING_BADGE}</span>
      </div>
    </Page>
  );
}
