// The confirmation after filing or following a report: its reference and when it is expected
// to be handled.
import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { DateText } from '../../components/DateText';
import { PageTitle } from '../../components/PageTitle';
import { ReportSummary, type ReportSummaryProps } from '../../components/ReportSummary';
import { RouterLink } from '../../components/RouterLink';

export interface ReportDoneProps {
  joined: boolean;
  reference: string;
  expectedBy: string;
  report: ReportSummaryProps['report'];
  /** Where the messages go, if the reporter gave an address. */
  address: string;
  loggedIn: boolean;
}

/** Filed (or followed): the reference, the expected date, and where news will come. */
export function ReportDone({
  joined,
  reference,
  expectedBy,
  report,
  address,
  loggedIn,
}: ReportDoneProps) {
  const intl = useIntl();
  return (
    <>
      <PageTitle>
        {joined
          ? intl.formatMessage({
              id: 'report.done.joinedTitle',
              defaultMessage: 'U volgt nu deze melding',
              description: 'Title after following an existing report',
            })
          : intl.formatMessage({
              id: 'report.done.title',
              defaultMessage: 'Uw melding is ontvangen',
              description: 'Title after filing a report',
            })}
      </PageTitle>
      <Paragraph>
        {joined ? (
          <FormattedMessage
            id="report.done.joined"
            defaultMessage="Dit probleem was al gemeld. U volgt nu melding {reference}."
            description="Confirmation after following a report"
            values={{ reference: <strong>{reference}</strong> }}
          />
        ) : (
          <FormattedMessage
            id="report.done.reference"
            defaultMessage="Het nummer van uw melding is {reference}."
            description="Confirmation: the reference of the report filed"
            values={{ reference: <strong>{reference}</strong> }}
          />
        )}
      </Paragraph>
      <Paragraph>
        <FormattedMessage
          id="report.done.expected"
          defaultMessage="We verwachten de melding uiterlijk {date} af te handelen."
          description="Confirmation: when the report is expected to be handled"
          values={{ date: <DateText value={expectedBy} /> }}
        />
      </Paragraph>
      <ReportSummary report={report} />
      <Paragraph>
        {address ? (
          <FormattedMessage
            id="report.done.sent"
            defaultMessage="We sturen berichten over de melding naar {address}."
            description="Where the messages about the report go"
            values={{ address }}
          />
        ) : (
          <FormattedMessage
            id="report.done.noAddress"
            defaultMessage="U hebt geen e-mailadres of mobiel nummer opgegeven. U vindt de melding bij Mijn meldingen."
            description="No address for messages was given (logged in)"
          />
        )}
      </Paragraph>
      {loggedIn && (
        <Paragraph>
          <RouterLink to="/mijn/meldingen">
            <FormattedMessage
              id="report.done.mine"
              defaultMessage="Naar mijn meldingen"
              description="Link to my reports from the confirmation"
            />
          </RouterLink>
        </Paragraph>
      )}
    </>
  );
}
