import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';

import { joined } from '../../format';
import { graphql } from '../../gql';

const IntegralViewQuery = graphql(`
  query IntegralView($reference: String!) {
    case(reference: $reference) {
      id
      integralView {
        conflict
        conflictingDepartments
        cases {
          reference
          caseType
          department
          status
          open
        }
      }
    }
  }
`);

/**
 * The integral view's warning: decisions of other departments at the same address that
 * disagree, and whom to call. It needs the outcomes of those cases, so where the policy
 * keeps outcomes from the employee there is nothing to warn with and nothing is shown.
 */
export function IntegralWarning({ reference }: { reference: string }) {
  const heading = useId();
  const [{ data }] = useQuery({
    query: IntegralViewQuery,
    variables: { reference },
    requestPolicy: 'cache-and-network',
  });
  const integral = data?.case.integralView;
  if (!integral?.conflict) return null;
  return (
    <Alert type="warning" className="loket-integral" aria-labelledby={heading}>
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.case.integral"
          defaultMessage="Besluiten op dit adres spreken elkaar tegen"
          description="Heading of the integral view's conflict warning"
        />
      </Heading2>
      <Paragraph>
        <FormattedMessage
          id="console.case.integral.call"
          defaultMessage="Overleg met: {departments}."
          description="The departments to call about the conflicting decisions"
          values={{ departments: integral.conflictingDepartments.join(', ') }}
        />
      </Paragraph>
      <ul>
        {integral.cases.map((related) => (
          <li key={related.reference}>
            {joined([related.caseType, related.reference, related.department, related.status])}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
