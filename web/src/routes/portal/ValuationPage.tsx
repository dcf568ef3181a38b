import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { ComparablesPlot } from '../../components/ComparablesPlot';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ValueHistoryChart } from '../../components/ValueHistoryChart';
import { formatAddress } from '../../format';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';

const ValuationQuery = graphql(`
  query MyValuation {
    valuationReport {
      object {
        id
        value
        referenceDate
        floorArea
        plotArea
        buildYear
        address {
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
      }
      bandPercent
      ...ValueHistoryChart_Report
      ...ComparablesPlot_Report
    }
  }
`);

/** The home's WOZ value: its history, and comparable homes nearby. */
export function ValuationPage() {
  const intl = useIntl();
  const { data } = usePageQuery({ query: ValuationQuery });
  const report = data?.valuationReport;
  const euro = (value: number) =>
    intl.formatNumber(value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'valuation.title',
          defaultMessage: 'WOZ-waarde van uw woning',
          description: 'Title of the valuation page',
        })}
      </PageTitle>
      {!report ? (
        <Loading />
      ) : (
        <>
          <Paragraph appearance="lead">
            <FormattedMessage
              id="valuation.lead"
              defaultMessage="Uw woning aan {address} is {value} waard op {date}."
              description="The home's current value"
              values={{
                address: report.object.address
                  ? formatAddress(report.object.address)
                  : report.object.id,
                value: <strong>{euro(report.object.value)}</strong>,
                date: intl.formatDate(`${report.object.referenceDate}T12:00:00Z`, {
                  dateStyle: 'long',
                }),
              }}
            />
          </Paragraph>
          <dl className="loket-facts">
            <div className="loket-facts__item">
              <dt>
                <FormattedMessage
                  id="valuation.floorArea"
                  defaultMessage="Woonoppervlakte"
                  description="Label"
                />
              </dt>
              <dd>
                <FormattedMessage
                  id="valuation.area"
                  defaultMessage="{area} m²"
                  description="An area in square metres"
                  values={{ area: report.object.floorArea }}
                />
              </dd>
            </div>
            <div className="loket-facts__item">
              <dt>
                <FormattedMessage
                  id="valuation.plotArea"
                  defaultMessage="Perceel"
                  description="Label"
                />
              </dt>
              <dd>
                <FormattedMessage
                  id="valuation.area"
                  defaultMessage="{area} m²"
                  description="An area in square metres"
                  values={{ area: report.object.plotArea }}
                />
              </dd>
            </div>
            <div className="loket-facts__item">
              <dt>
                <FormattedMessage
                  id="valuation.buildYear"
                  defaultMessage="Bouwjaar"
                  description="Label"
                />
              </dt>
              <dd>{report.object.buildYear}</dd>
            </div>
          </dl>
          <ValueHistoryChart report={report} />
          <Paragraph>
            <FormattedMessage
              id="valuation.comparables.lead"
              defaultMessage="Dit zijn woningen in de buurt die op die van u lijken. Hun waarde ligt niet meer dan {band} procent hoger of lager."
              description="Explains how comparable homes were chosen"
              values={{ band: report.bandPercent }}
            />
          </Paragraph>
          <ComparablesPlot report={report} />
        </>
      )}
    </>
  );
}
