import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation } from 'urql';

import { DateText } from '../../../components/DateText';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { graphql } from '../../../gql';
import type { DeliveryStatus } from '../../../gql/graphql';
import { usePageQuery } from '../../../hooks/usePageQuery';
import { ActionError } from '../ActionError';
import { SelectField } from '../FormFields';
import { Table } from '../Table';

/** How many deliveries the page shows. */
const PAGE = 100;

const DeliveriesQuery = graphql(`
  query Deliveries($filter: DeliveryFilterInput, $first: Int) {
    deliveries(filter: $filter, first: $first) {
      nodes {
        id
        key
        eventKind
        channel
        status
        attempts
        lastError
        createdAt
        nextAttemptAt
        sentAt
      }
    }
  }
`);

const RedriveDelivery = graphql(`
  mutation RedriveDelivery($input: RedriveDeliveryInput!) {
    redriveDelivery(input: $input) {
      delivery {
        id
        status
        attempts
      }
    }
  }
`);

const STATUSES: readonly DeliveryStatus[] = ['DEAD', 'PENDING', 'SENT', 'CANCELLED'];

const STATUS_NAMES = defineMessages<DeliveryStatus | 'ALL'>({
  DEAD: {
    id: 'console.deliveries.status.dead',
    defaultMessage: 'Niet bezorgd',
    description: 'Delivery status: given up after the last attempt',
  },
  PENDING: {
    id: 'console.deliveries.status.pending',
    defaultMessage: 'Wacht op verzending',
    description: 'Delivery status: waiting for an attempt',
  },
  SENT: {
    id: 'console.deliveries.status.sent',
    defaultMessage: 'Bezorgd',
    description: 'Delivery status: the receiver accepted it',
  },
  CANCELLED: {
    id: 'console.deliveries.status.cancelled',
    defaultMessage: 'Vervallen',
    description: 'Delivery status: not sent because the subscription ended',
  },
  ALL: {
    id: 'console.deliveries.status.all',
    defaultMessage: 'Alle',
    description: 'Filter option: every status',
  },
});

/** The status filter as the URL keeps it: dead letters unless another status is chosen. */
function statusFrom(params: URLSearchParams): DeliveryStatus | null {
  const status = params.get('status') ?? 'DEAD';
  return STATUSES.find((s) => s === status) ?? null;
}

/**
 * The municipality's notification deliveries, newest first: by default the dead letters with
 * the error of their last attempt, each to be sent again once the receiver is fixed.
 */
export function DeliveriesPage() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params);
  const [chosen, setChosen] = useState<string>(status ?? 'ALL');
  const [announcement, setAnnouncement] = useState('');
  const { data, reexecute } = usePageQuery({
    query: DeliveriesQuery,
    variables: { filter: status ? { status } : {}, first: PAGE },
  });
  const [redrive, send] = useMutation(RedriveDelivery);
  const deliveries = data?.deliveries.nodes;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams({ status: chosen });
  };
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.deliveries.title',
          defaultMessage: 'Berichtenverkeer',
          description: 'Title of the notification deliveries page',
        })}
      </PageTitle>
      <form
        className="loket-form loket-filters"
        aria-label={intl.formatMessage({
          id: 'console.queue.filters',
          defaultMessage: 'Filters',
          description: 'Accessible name of the work queue filters',
        })}
        onSubmit={submit}
      >
        <SelectField
          label={
            <FormattedMessage
              id="console.deliveries.status"
              defaultMessage="Status"
              description="Label of the delivery status filter"
            />
          }
          name="status"
          value={chosen}
          onChange={setChosen}
          options={[...STATUSES, 'ALL' as const].map((s) => ({
            value: s,
            label: intl.formatMessage(STATUS_NAMES[s]),
          }))}
        />
        <Button type="submit" appearance="secondary-action-button">
          <FormattedMessage
            id="console.queue.apply"
            defaultMessage="Filteren"
            description="Button: apply the filters"
          />
        </Button>
        <Button
          type="button"
          appearance="subtle-button"
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
        >
          <FormattedMessage
            id="console.deliveries.refresh"
            defaultMessage="Vernieuwen"
            description="Button: load the deliveries as they are now"
          />
        </Button>
      </form>
      <p role="status" className="loket-live">
        {announcement}
      </p>
      <ActionError error={redrive.error} />
      {!deliveries ? (
        <Loading />
      ) : deliveries.length === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="console.deliveries.none"
            defaultMessage="Geen berichten met deze status."
            description="No deliveries match the filter"
          />
        </Paragraph>
      ) : (
        <Table
          className="loket-deliveries"
          caption={
            <FormattedMessage
              id="console.deliveries.caption"
              defaultMessage="Berichten, de nieuwste bovenaan"
              description="Caption of the deliveries table"
            />
          }
          columns={[
            <FormattedMessage
              key="key"
              id="console.deliveries.key"
              defaultMessage="Kenmerk"
              description="Column: the delivery key the receiver sees"
            />,
            <FormattedMessage
              key="kind"
              id="console.deliveries.kind"
              defaultMessage="Soort bericht"
              description="Column: the event or message kind"
            />,
            <FormattedMessage
              key="channel"
              id="console.deliveries.channel"
              defaultMessage="Kanaal"
              description="Column"
            />,
            <FormattedMessage
              key="created"
              id="console.deliveries.created"
              defaultMessage="Gemaakt"
              description="Column: when the message was made"
            />,
            <FormattedMessage
              key="status"
              id="console.deliveries.status"
              defaultMessage="Status"
              description="Label of the delivery status filter"
            />,
            <FormattedMessage
              key="attempts"
              id="console.deliveries.attempts"
              defaultMessage="Pogingen"
              description="Column: attempts so far"
            />,
            <FormattedMessage
              key="error"
              id="console.deliveries.lastError"
              defaultMessage="Laatste fout"
              description="Column: the error of the last attempt"
            />,
            <FormattedMessage
              key="action"
              id="console.deliveries.action"
              defaultMessage="Actie"
              description="Column: what can be done"
            />,
          ]}
        >
          {deliveries.map((d) => (
            <tr key={d.id} className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">
                <code>{d.key}</code>
              </th>
              <td className="utrecht-table__cell">{d.eventKind}</td>
              <td className="utrecht-table__cell">{d.channel.toLowerCase()}</td>
              <td className="utrecht-table__cell">
                <DateText value={d.createdAt} kind="datetime" />
              </td>
              <td className="utrecht-table__cell">{intl.formatMessage(STATUS_NAMES[d.status])}</td>
              <td className="utrecht-table__cell loket-figure">{d.attempts}</td>
              <td className="utrecht-table__cell">{d.lastError}</td>
              <td className="utrecht-table__cell">
                {d.status === 'DEAD' && (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    busy={redrive.fetching && redrive.operation?.variables.input.id === d.id}
                    aria-label={intl.formatMessage(
                      {
                        id: 'console.deliveries.redrive.named',
                        defaultMessage: 'Bericht {key} opnieuw versturen',
                        description: 'Accessible name of the button that re-drives one delivery',
                      },
                      { key: d.key },
                    )}
                    onClick={() =>
                      void send({ input: { id: d.id } }).then((r) => {
                        if (!r.data) return;
                        setAnnouncement(
                          intl.formatMessage(
                            {
                              id: 'console.deliveries.redriven',
                              defaultMessage:
                                'Bericht {key} staat weer in de wachtrij en wordt zo verstuurd.',
                              description: 'Announced after re-driving a delivery',
                            },
                            { key: d.key },
                          ),
                        );
                      })
                    }
                  >
                    <FormattedMessage
                      id="console.deliveries.redrive"
                      defaultMessage="Opnieuw versturen"
                      description="Button: put a dead delivery back in the queue"
                    />
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
