import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';

import { Loading } from '../../../components/Loading';
import { loketError } from '../../../errors';
import { graphql } from '../../../gql';
import type { BenchmarkFigureKind } from '../../../gql/graphql';
import { ComparisonChart, type ComparedFigure } from './ComparisonChart';
import { downloadBenchmarkCsv } from './csv';
import { DownloadButton } from './DownloadButton';

const ComparisonQuery = graphql(`
  query ServiceComparison($period: String!) {
    benchmark(period: $period) {
      period
      computedAt
      minimumParticipants
      figures {
        kind
        key
        caseType
        own {
          percentage
        }
        standing
        rank
        participants
        spread {
          lowerQuartile
          median
          upperQuartile
        }
        named {
          name
          percentage
        }
      }
    }
  }
`);

export interface ComparisonProps {
  /** `2026` or `2026-11`. */
  period: string;
  /** Case type names by code, for the case-deadline figures. */
  caseTypeNames: ReadonlyMap<string, string>;
}

/**
 * How the municipality's service norms compare with those of the other municipalities that
 * share their figures: a chart with its table, and the comparison as CSV. A municipality that
 * does not take part is told so.
 */
export function Comparison({ period, caseTypeNames }: ComparisonProps) {
  const intl = useIntl();
  const [result] = useQuery({ query: ComparisonQuery, variables: { period } });
  const heading = (
    <Heading2>
      <FormattedMessage
        id="console.benchmark.heading"
        defaultMessage="Vergeleken met andere gemeenten"
        description="Heading of the comparison of municipalities on the dashboard"
      />
    </Heading2>
  );
  if (result.error) {
    const error = loketError(result.error);
    if (error.code !== 'FORBIDDEN') throw error;
    return (
      <>
        {heading}
        <Paragraph>
          <FormattedMessage
            id="console.benchmark.notTakingPart"
            defaultMessage="Deze gemeente doet niet mee aan de vergelijking met andere gemeenten. Alleen gemeenten die hun eigen cijfers delen, zien die van anderen."
            description="The municipality does not share its figures"
          />
        </Paragraph>
      </>
    );
  }
  const benchmark = result.data?.benchmark;
  if (!benchmark) {
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  }
  const label = (kind: BenchmarkFigureKind, caseType: string | null | undefined) => {
    switch (kind) {
      case 'PHONE_ANSWER':
        return intl.formatMessage({
          id: 'console.benchmark.phoneAnswer',
          defaultMessage: 'Telefoon binnen de eigen norm opgenomen',
          description: 'Compared figure',
        });
      case 'PHONE_ANSWER_YARDSTICK':
        return intl.formatMessage({
          id: 'console.benchmark.phoneAnswerYardstick',
          defaultMessage: 'Telefoon binnen 25 seconden opgenomen',
          description: 'Compared figure: the common yardstick',
        });
      case 'FIRST_CONTACT_RESOLUTION':
        return intl.formatMessage({
          id: 'console.benchmark.firstContactResolution',
          defaultMessage: 'Opgelost in het eerste contact',
          description: 'Compared figure',
        });
      case 'EMAIL_ANSWER':
        return intl.formatMessage({
          id: 'console.benchmark.emailAnswer',
          defaultMessage: 'E-mail binnen de eigen norm beantwoord',
          description: 'Compared figure',
        });
      case 'CALLBACK':
        return intl.formatMessage({
          id: 'console.benchmark.callback',
          defaultMessage: 'Binnen de eigen norm teruggebeld',
          description: 'Compared figure',
        });
      case 'CASE_DEADLINES':
        return intl.formatMessage(
          {
            id: 'console.benchmark.caseDeadlines',
            defaultMessage: 'Op tijd afgehandeld: {caseType}',
            description: 'Compared figure: case deadlines kept for one case type',
          },
          { caseType: (caseType && caseTypeNames.get(caseType)) ?? caseType ?? '' },
        );
    }
  };
  const figures: ComparedFigure[] = benchmark.figures.map((f) => ({
    label: label(f.kind, f.caseType),
    own: f.own?.percentage ?? null,
    standing: f.standing ?? null,
    rank: f.rank ?? null,
    participants: f.participants,
    spread: f.spread ?? null,
    named: f.named,
  }));
  return (
    <>
      {heading}
      <Paragraph>
        {benchmark.computedAt ? (
          <FormattedMessage
            id="console.benchmark.lead"
            defaultMessage="Periode {period}, berekend op {computedAt}. Een maat wordt vergeleken als ten minste {minimum} gemeenten meedoen; gemeenten die dat kozen staan er met naam bij."
            description="What the comparison shows"
            values={{
              period: benchmark.period,
              computedAt: intl.formatDate(benchmark.computedAt, {
                dateStyle: 'long',
                timeStyle: 'short',
              }),
              minimum: benchmark.minimumParticipants,
            }}
          />
        ) : (
          <FormattedMessage
            id="console.benchmark.notComputed"
            defaultMessage="De vergelijking over {period} is nog niet berekend; dat gebeurt elke dag."
            description="The comparison for the period has not been computed yet"
            values={{ period: benchmark.period }}
          />
        )}
      </Paragraph>
      <DownloadButton
        what="comparison download"
        download={(token) => downloadBenchmarkCsv(token, period)}
      >
        <FormattedMessage
          id="console.benchmark.csv"
          defaultMessage="Vergelijking downloaden als CSV"
          description="Button: download the comparison as a CSV file"
        />
      </DownloadButton>
      <ComparisonChart
        title={intl.formatMessage(
          {
            id: 'console.benchmark.chart',
            defaultMessage: 'Eigen gemeente tegenover de deelnemers, {period}',
            description: 'Title of the comparison chart',
          },
          { period: benchmark.period },
        )}
        description={intl.formatMessage({
          id: 'console.benchmark.description',
          defaultMessage:
            'Per maat het eigen percentage als stip, de middelste helft van de deelnemende gemeenten als balk, de mediaan als streep en de gemeenten met naam als ringen.',
          description: 'Screen-reader description of the comparison chart',
        })}
        figures={figures}
      />
    </>
  );
}
