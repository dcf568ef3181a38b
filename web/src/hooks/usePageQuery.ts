import { useQuery, type AnyVariables, type UseQueryArgs } from 'urql';

import { loketError } from '../errors';

/**
 * A page's query. Without any data, an error goes to the page's error screen (thrown as a
 * typed error); with data, the parts the caller may not see are simply null.
 */
export function usePageQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
) {
  const [result, reexecute] = useQuery<Data, Variables>(args);
  if (result.error && !result.data) throw loketError(result.error);
  return { data: result.data, fetching: result.fetching, reexecute };
}
