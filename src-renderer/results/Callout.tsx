/**
 * A boxed message inside a view: what happened, the detail (an error message quoted as is) and
 * what to do next, with optional buttons. Errors use role="alert" so they are announced.
 */
import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from '../app/Icon.js';

const ICONS: Record<CalloutProps['tone'], IconName> = { error: 'error', warning: 'warning', info: 'info', success: 'checkCircle' };

export interface CalloutProps {
  tone: 'error' | 'warning' | 'info' | 'success';
  title: string;
  /** Quoted verbatim in a monospace block (an error message from the trainer or the host). */
  detail?: string | undefined;
  /** What the user can do about it, in words. */
  hint?: ReactNode;
  actions?: ReactNode;
}

export function Callout({ tone, title, detail, hint, actions }: CalloutProps): ReactElement {
  return (
    <div className={`callout callout--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={ICONS[tone]} size={18} className="callout__icon" />
      <div className="callout__body">
        <p className="callout__title">{title}</p>
        {detail && <p className="callout__detail">{detail}</p>}
        {hint && <p className="callout__hint">{hint}</p>}
        {actions && <div className="callout__actions">{actions}</div>}
      </div>
    </div>
  );
}
