import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';

import { DateText } from '../../../components/DateText';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { graphql } from '../../../gql';
import { usePageQuery } from '../../../hooks/usePageQuery';
import { useMe } from '../../../hooks/useMe';
import { useChannelName } from '../ChannelName';
import { BarChart } from './BarChart';
import { DownloadButton } from './DownloadButton';
import { Comparison } from './Comparison';
import { downloadServiceCsv } from './csv';
import { NormCards } from './NormCards';
import { benchmarkPeriod, periodsFrom } from './period';
import { PeriodForm } from './PeriodForm';

const ServiceDashboardQuery = graphql(`
  query ServiceDashboard($period: PeriodInput!, $compareWith: PeriodInput) {
    serviceReport(period: $period, compareWith: $compareWith) {
      period {
        from
        to
      }
      comparedWith {
        from
        to
      }
      current {
        contacts
        firstContactResolution {
          count
          total
          percentage
        }
        channels {
          channel
          contacts
        }
        norms {
          norm
          description
          target
          targetPercentage
          compliance {
            count
            total
            percentage
          }
          pending
          achieved
        }
        caseDeadlines {
          caseType
          name
          compliance {
            count
            total
            percentage
          }
        }
      }
      previous {
        contacts
        firstContactResolution {
          percentage
        }
        channels {
          channel
          contacts
        }
        norms {
          norm
          compliance {
            percentage
          }
        }
        caseDeadlines {
          caseType
          name
          compliance {
            percentage
          }
        }
      }
    }
  }
`);

/**
 * The manager's view of the service norms: for a period against a comparison period (by
 * default a year earlier), whether each norm was achieved, the channel mix, first-contact
 * resolution and the case deadlines kept per case type, each chart with its table, and the
 * report as CSV in one click.
 */
export function DashboardPage() {
  const intl = useIntl();
  const channelName = useChannelName();
  const { can } = useMe();
  const [params] = useSearchParams();
  const { period, compareWith } = periodsFrom(params);
  const { data } = usePageQuery({
    query: ServiceDashboardQuery,
    variables: { period, compareWith },
  });

  const report = data?.serviceReport;
  const periods = report && {
    current: intl.formatMessage(
      {
        id: 'console.report.period',
        defaultMessage: '{from} t/m {to}',
        description: 'A period in a chart legend and table heading',
      },
      {
        from: intl.formatDate(`${report.period.from}T12:00:00Z`),
        to: intl.formatDate(`${report.period.to}T12:00:00Z`),
      },
    ),
    previous: intl.formatMessage(
      {
        id: 'console.report.period',
        defaultMessage: '{from} t/m {to}',
        description: 'A period in a chart legend and table heading',
      },
      {
        from: intl.formatDate(`${report.comparedWith.from}T12:00:00Z`),
        to: intl.formatDate(`${report.comparedWith.to}T12:00:00Z`),
      },
    ),
  };

  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.report.title',
          defaultMessage: 'Rapportage dienstverlening',
          description: 'Title of the manager dashboard',
        })}
      </PageTitle>
      <PeriodForm compare />
      {!report || !periods ? (
        <Loading />
      ) : (
        <>
          <Paragraph>
            <FormattedMessage
              id="console.report.lead"
              defaultMessage="{from} tot en met {to}, vergeleken met {compareFrom} tot en met {compareTo}. {contacts, plural, one {# contact} other {# contacten}}."
              description="Which periods the dashboard shows"
              values={{
                from: <DateText value={report.period.from} />,
                to: <DateText value={report.period.to} />,
                compareFrom: <DateText value={report.comparedWith.from} />,
                compareTo: <DateText value={report.comparedWith.to} />,
                contacts: report.current.contacts,
              }}
            />
          </Paragraph>
          <DownloadButton
            what="report download"
            download={(token) => downloadServiceCsv(token, period, compareWith)}
          >
            <FormattedMessage
              id="console.report.csv"
              defaultMessage="Download als CSV"
              description="Button: download the report as a CSV file"
            />
          </DownloadButton>

          <Heading2>
            <FormattedMessage
              id="console.report.norms"
              defaultMessage="Servicenormen"
              description="Heading"
            />
          </Heading2>
          <NormCards norms={report.current.norms} />
          <BarChart
            title={intl.formatMessage({
              id: 'console.report.norms.chart',
              defaultMessage: 'Servicenormen: gehaald aandeel tegen de norm',
              description: 'Title of the norms chart',
            })}
            description={intl.formatMessage({
              id: 'console.report.norms.description',
              defaultMessage:
                'Per servicenorm het aandeel dat binnen de norm bleef, in deze periode en in de vergelijkingsperiode, met de streefwaarde als streep.',
              description: 'Screen-reader description of the norms chart',
            })}
            unit="percent"
            periods={periods}
            labelHeading={
              <FormattedMessage
                id="console.report.norm"
                defaultMessage="Norm"
                description="Column"
              />
            }
            targetHeading={
              <FormattedMessage
                id="console.report.target"
                defaultMessage="Streefwaarde"
                description="Column: the norm's target percentage"
              />
            }
            bars={report.current.norms.map((norm) => ({
              label: norm.description,
              current: norm.compliance.percentage ?? null,
              previous:
                report.previous.norms.find((p) => p.norm === norm.norm)?.compliance.percentage ??
                null,
              target: norm.targetPercentage ?? null,
            }))}
          />

          <Heading2>
            <FormattedMessage
              id="console.report.channels"
              defaultMessage="Kanalen"
              description="Heading"
            />
          </Heading2>
          <BarChart
            title={intl.formatMessage({
              id: 'console.report.channels.chart',
              defaultMessage: 'Contacten per kanaal',
              description: 'Title of the channel mix chart',
            })}
            description={intl.formatMessage({
              id: 'console.report.channels.description',
              defaultMessage:
                'Het aantal contacten per kanaal, in deze periode en in de vergelijkingsperiode.',
              description: 'Screen-reader description of the channel chart',
            })}
            unit="count"
            periods={periods}
            labelHeading={
              <FormattedMessage
                id="console.contact.channel"
                defaultMessage="Kanaal"
                description="Label of the contact's channel"
              />
            }
            bars={report.current.channels.map((c) => ({
              label: channelName(c.channel),
              current: c.contacts,
              previous:
                report.previous.channels.find((p) => p.channel === c.channel)?.contacts ?? 0,
            }))}
          />

          <Heading2>
            <FormattedMessage
              id="console.report.fcr"
              defaultMessage="Opgelost in het eerste contact"
              description="Heading"
            />
          </Heading2>
          <BarChart
            title={intl.formatMessage({
              id: 'console.report.fcr.chart',
              defaultMessage: 'Opgelost in het eerste contact',
              description: 'Title of the first-contact resolution chart',
            })}
            description={intl.formatMessage({
              id: 'console.report.fcr.description',
              defaultMessage: 'Het aandeel contacten dat in het eerste contact werd beantwoord.',
              description: 'Screen-reader description of the first-contact resolution chart',
            })}
            unit="percent"
            periods={periods}
            labelHeading={
              <FormattedMessage
                id="console.report.measure"
                defaultMessage="Maat"
                description="Column"
              />
            }
            bars={[
              {
                label: intl.formatMessage({
                  id: 'console.report.fcr.all',
                  defaultMessage: 'Alle kanalen',
                  description: 'Row: every channel together',
                }),
                current: report.current.firstContactResolution.percentage ?? null,
                previous: report.previous.firstContactResolution.percentage ?? null,
              },
            ]}
          />

          <Heading2>
            <FormattedMessage
              id="console.report.deadlines"
              defaultMessage="Termijnen gehaald per zaaktype"
              description="Heading"
            />
          </Heading2>
          <BarChart
            title={intl.formatMessage({
              id: 'console.report.deadlines.chart',
              defaultMessage: 'Zaken op tijd afgehandeld',
              description: 'Title of the case deadlines chart',
            })}
            description={intl.formatMessage({
              id: 'console.report.deadlines.description',
              defaultMessage:
                'Per zaaktype het aandeel van de afgehandelde zaken dat binnen de wettelijke termijn bleef.',
              description: 'Screen-reader description of the case deadlines chart',
            })}
            unit="percent"
            periods={periods}
            labelHeading={
              <FormattedMessage
                id="console.queue.type"
                defaultMessage="Zaaktype"
                description="Label"
              />
            }
            bars={report.current.caseDeadlines.map((d) => ({
              label: d.name,
              current: d.compliance.percentage ?? null,
              previous:
                report.previous.caseDeadlines.find((p) => p.caseType === d.caseType)?.compliance
                  .percentage ?? null,
            }))}
          />

          {can('report/benchmark', 'READ') && (
            <Comparison
              period={benchmarkPeriod(report.period)}
              caseTypeNames={new Map(report.current.caseDeadlines.map((d) => [d.caseType, d.name]))}
            />
          )}
        </>
      )}
    </>
  );
}
