import { forwardRef, type TimeHTMLAttributes } from 'react';
import { useIntl } from 'react-intl';

export const DATE_KINDS = ['date', 'datetime'] as const;
export type DateKind = (typeof DATE_KINDS)[number];

export interface DateTextProps extends Omit<TimeHTMLAttributes<HTMLTimeElement>, 'children'> {
  /** An ISO date (`2026-12-04`) or date and time (`2026-12-04T10:00:00Z`). */
  value: string;
  kind?: DateKind;
}

/**
 * A date as residents read it ("4 december 2026"), in a `<time>` element. Calendar dates are
 * shown as they are; moments in Amsterdam time.
 */
export const DateText = forwardRef<HTMLTimeElement, DateTextProps>(function DateText(
  { value, kind = 'date', className, ...props },
  ref,
) {
  const intl = useIntl();
  let text: string;
  switch (kind) {
    case 'date':
      text = intl.formatDate(`${value.slice(0, 10)}T12:00:00Z`, { dateStyle: 'long' });
      break;
    case 'datetime':
      text = intl.formatDate(value, { dateStyle: 'long', timeStyle: 'short' });
      break;
    default: {
      const unreachable: never = kind;
      text = unreachable;
    }
  }
  return (
    <time
      ref={ref}
      dateTime={value}
      className={['loket-date', className].filter(Boolean).join(' ')}
      {...props}
    >
      {text}
    </time>
  );
});
