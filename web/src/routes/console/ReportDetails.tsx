// What the back office sees of a report about public space beside the case: where it is, the
// answers to its category's questions, its photos, and who reported it. Each part is asked on its own, so
// a part the employee's role may not read (a FORBIDDEN error) simply stays away.
import { Heading2, Heading3 } from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';

import { DateText } from '../../components/DateText';
import { joined } from '../../format';
import { graphql } from '../../gql';
import { ReportPhotos } from './ReportPhotos';
import { Table } from './Table';

const ReportAnswersQuery = graphql(`
  query StaffReportAnswers($reference: String!) {
    case(reference: $reference) {
      id
      attributes {
        code
        question
        value
      }
    }
  }
`);

const ReportersQuery = graphql(`
  query StaffReportReporters($reference: String!) {
    case(reference: $reference) {
      id
      reporters {
        id
        loggedIn
        name
        email
        phone
        joinedAt
        satisfied
        detailsRemoved
      }
    }
  }
`);

export interface ReportDetailsProps {
  reference: string;
  /** The case's version: a change reads the parts again. */
  version: number;
  position: { lat: number; lon: number };
  /** The address it was placed at, if any. */
  address: string | null | undefined;
}

/** A report's place, answers, photos and reporters, for the case page. */
export function ReportDetails({ reference, version, position, address }: ReportDetailsProps) {
  const intl = useIntl();
  const heading = useId();
  const degrees = (n: number) =>
    intl.formatNumber(n, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  // A new version (the case changed) reads the parts again.
  const context = useMemo(
    () => ({ requestPolicy: 'cache-and-network' as const, version }),
    [version],
  );
  const [answers] = useQuery({ query: ReportAnswersQuery, variables: { reference }, context });
  const [reporters] = useQuery({ query: ReportersQuery, variables: { reference }, context });
  const attributes = answers.data?.case.attributes ?? [];
  const people = reporters.data?.case.reporters;
  return (
    <section aria-labelledby={heading} className="loket-report-details">
      <Heading2 id={heading}>
        <FormattedMessage
          id="console.publicReport.title"
          defaultMessage="Melding"
          description="Heading of a report's place, answers and reporters on the case page"
        />
      </Heading2>
      <dl className="loket-facts">
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="console.publicReport.position"
              defaultMessage="Plek"
              description="Label of a report's position"
            />
          </dt>
          <dd className="loket-report-details__position">
            {joined([
              address,
              intl.formatMessage(
                {
                  id: 'console.publicReport.coordinates',
                  defaultMessage: '{lat} N, {lon} O',
                  description: 'A position in degrees latitude (north) and longitude (east)',
                },
                { lat: degrees(position.lat), lon: degrees(position.lon) },
              ),
            ])}
          </dd>
        </div>
        {attributes.map((a) => (
          <div key={a.code} className="loket-facts__item">
            <dt lang="nl">{a.question}</dt>
            <dd>{a.value}</dd>
          </div>
        ))}
      </dl>
      <ReportPhotos reference={reference} version={version} />
      {people && (
        <>
          <Heading3>
            <FormattedMessage
              id="console.publicReport.reporters"
              defaultMessage="Melders"
              description="Heading of the people who reported or follow a report"
            />
          </Heading3>
          <Table
            caption={
              <FormattedMessage
                id="console.publicReport.reportersCaption"
                defaultMessage="Wie dit meldden of volgen, en hoe ze te bereiken zijn"
                description="Caption of the table of reporters"
              />
            }
            columns={[
              <FormattedMessage
                key="name"
                id="console.publicReport.name"
                defaultMessage="Naam"
                description="Column: reporter's name"
              />,
              <FormattedMessage
                key="reach"
                id="console.publicReport.reach"
                defaultMessage="Bereikbaar via"
                description="Column: reporter's e-mail address and mobile number"
              />,
              <FormattedMessage
                key="joined"
                id="console.publicReport.joinedAt"
                defaultMessage="Gemeld op"
                description="Column: when they reported or followed it"
              />,
              <FormattedMessage
                key="satisfied"
                id="console.publicReport.satisfied"
                defaultMessage="Tevreden"
                description="Column: the reporter's answer to the satisfaction question"
              />,
            ]}
          >
            {people.map((p) => (
              <tr key={p.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  {p.detailsRemoved ? (
                    <FormattedMessage
                      id="console.publicReport.removed"
                      defaultMessage="Gegevens verwijderd"
                      description="A reporter's details were removed after the report ended"
                    />
                  ) : (
                    (p.name ??
                    (p.loggedIn ? (
                      <FormattedMessage
                        id="console.publicReport.loggedIn"
                        defaultMessage="Ingelogde inwoner"
                        description="A reporter who logged in and gave no name"
                      />
                    ) : (
                      <FormattedMessage
                        id="console.publicReport.anonymous"
                        defaultMessage="Geen naam gegeven"
                        description="A reporter who gave no name"
                      />
                    )))
                  )}
                </td>
                <td className="utrecht-table__cell">{joined([p.email, p.phone])}</td>
                <td className="utrecht-table__cell">
                  <DateText value={p.joinedAt} kind="datetime" />
                </td>
                <td className="utrecht-table__cell">
                  {p.satisfied === true ? (
                    <FormattedMessage
                      id="console.publicReport.yes"
                      defaultMessage="Ja"
                      description="The reporter is satisfied"
                    />
                  ) : p.satisfied === false ? (
                    <FormattedMessage
                      id="console.publicReport.no"
                      defaultMessage="Nee"
                      description="The reporter is not satisfied"
                    />
                  ) : (
                    <FormattedMessage
                      id="console.publicReport.unanswered"
                      defaultMessage="Geen antwoord"
                      description="The reporter did not answer the satisfaction question"
                    />
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}
