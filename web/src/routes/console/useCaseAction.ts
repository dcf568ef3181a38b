import { useState } from 'react';
import { useMutation, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';

import { ConflictError, loketError } from '../../errors';

export interface CaseActionHandlers {
  /** Someone changed the case since it was read: show what, offer to reload. */
  onConflict: () => void;
  /** The action went through: read the case again. */
  onChanged: () => void;
}

export interface CaseAction<Variables> {
  busy: boolean;
  /** What Loket refused, other than a conflict (shown at the form). */
  error: CombinedError | undefined;
  /** Runs the action; `reset` clears the form once it went through. */
  run: (variables: Variables, reset: () => void) => void;
}

/**
 * One of a case's actions. A `CONFLICT` (the case changed since the version the action names)
 * goes to `onConflict` and leaves the form as it was, so nothing typed is lost.
 */
export function useCaseAction<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  { onConflict, onChanged }: CaseActionHandlers,
): CaseAction<Variables> {
  const [state, execute] = useMutation<Data, Variables>(document);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  return {
    busy: state.fetching,
    error,
    run: (variables, reset) => {
      void execute(variables).then((result) => {
        if (result.error) {
          const refused = loketError(result.error);
          setError(refused instanceof ConflictError ? undefined : result.error);
          if (refused instanceof ConflictError) onConflict();
          return;
        }
        setError(undefined);
        reset();
        onChanged();
      });
    },
  };
}
