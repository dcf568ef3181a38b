import type { CombinedError } from 'urql';

import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors, loketError } from '../../errors';

/** An action's refusal in plain words, unless it names a field (shown at the field). */
export function ActionError({ error }: { error: CombinedError | undefined }) {
  if (!error || fieldErrors(error).size > 0) return null;
  return <ErrorMessage error={loketError(error)} />;
}
