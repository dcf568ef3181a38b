// The case as the console's case page and its parts read it.
import { graphql } from '../../gql';
import type { StaffCaseQuery } from '../../gql/graphql';

/** The case page's query: the case with everything the back office works with. */
export const StaffCaseDocument = graphql(`
  query StaffCase($reference: String!) {
    me {
      subject
    }
    case(reference: $reference) {
      id
      reference
      version
      location
      description
      position {
        lat
        lon
      }
      channel
      submittedAt
      deadline
      overdue
      suspendedDays
      extendedDays
      handler
      caseType {
        name
        department
        suspensionMaxDays
        extensionMaxDays
        statuses {
          code
          name
          end
          next
        }
        outcomes {
          code
          name
        }
      }
      status {
        code
        name
        end
      }
      decision {
        name
        ...CaseDecision_Decision
      }
      journal {
        kind
        status
        days
        publicText
        internalText
        actor
        at
      }
      permissions {
        update
        decide
        addNote
        assign
      }
      ...CaseProgress_Case
    }
  }
`);

export type StaffCase = StaffCaseQuery['case'];
