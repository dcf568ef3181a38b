import { Paragraph } from '@utrecht/component-library-react';
import { forwardRef, type HTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';

export type LoadingProps = HTMLAttributes<HTMLParagraphElement>;

/** Says, politely, that something is being loaded. */
export const Loading = forwardRef<HTMLParagraphElement, LoadingProps>(function Loading(
  { className, ...props },
  ref,
) {
  return (
    <Paragraph
      ref={ref}
      role="status"
      className={['loket-loading', className].filter(Boolean).join(' ')}
      {...props}
    >
      <FormattedMessage
        id="loading"
        defaultMessage="Even geduld, we halen de gegevens op…"
        description="Shown while a page waits for data"
      />
    </Paragraph>
  );
});
