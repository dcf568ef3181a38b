// The frame of each of a case's actions: a form under its own heading.
import { Heading3 } from '@utrecht/component-library-react';
import { useId, type FormEvent, type ReactNode } from 'react';

import type { StaffCase } from './staffCase';
import type { CaseActionHandlers } from './useCaseAction';

/** What every action's form is given: the case and what to do after a change or conflict. */
export interface ActionFormProps extends CaseActionHandlers {
  c: StaffCase;
}

/** A case action's form, named by its heading. */
export function ActionForm({
  title,
  onSubmit,
  children,
}: {
  title: ReactNode;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const heading = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="loket-form loket-panel" aria-labelledby={heading} noValidate onSubmit={submit}>
      <Heading3 id={heading}>{title}</Heading3>
      {children}
    </form>
  );
}
