import { useQuery } from 'urql';

import { graphql } from '../gql';
import type { PolicyAction } from '../gql/graphql';
import { useSession } from './useSession';

const MeQuery = graphql(`
  query Me {
    me {
      actor
      capabilities {
        object
        action
      }
    }
  }
`);

export interface Me {
  /** Whether the policy lets the caller do `action` on `object` (a path of me.capabilities). */
  can: (object: string, action: PolicyAction) => boolean;
  /** Still asking Loket. */
  fetching: boolean;
}

/**
 * What the logged-in caller may do, from `me.capabilities`: what the screens show follows
 * the municipality's policy, never a role name.
 */
export function useMe(): Me {
  const { session } = useSession();
  const [result] = useQuery({ query: MeQuery, pause: !session });
  const granted = new Set(
    (session ? (result.data?.me.capabilities ?? []) : []).map((c) => `${c.action} ${c.object}`),
  );
  return {
    can: (object, action) => granted.has(`${action} ${object}`),
    fetching: result.fetching,
  };
}
