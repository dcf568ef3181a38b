import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { DateText } from '../../../components/DateText';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { graphql } from '../../../gql';
import type { ProcessingLogFilter } from '../../../gql/graphql';
import { usePageQuery } from '../../../hooks/usePageQuery';
import { TextboxField } from '../FormFields';
import { Label } from '../labels';
import { Table } from '../Table';

/** How many entries a page shows. */
const PAGE = 50;

const ProcessingLogQuery = graphql(`
  query ProcessingLog($filter: ProcessingLogFilter, $first: Int, $after: String) {
    processingLog(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        at
        actorKind
        actorSubject
        roles
        personBsn
        purpose
        operation
        fieldGroups
        requestId
      }
    }
  }
`);

/** The filter's fields as typed. */
interface Fields {
  bsn: string;
  operation: string;
  actorSubject: string;
  from: string;
  to: string;
}

const NONE: Fields = { bsn: '', operation: '', actorSubject: '', from: '', to: '' };

/** Midnight at the start of a calendar day, in the browser's time zone. */
function startOf(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The filter Loket takes: given fields only; "to" includes its whole day. */
export function filterFrom(fields: Fields): ProcessingLogFilter {
  const filter: ProcessingLogFilter = {};
  if (fields.bsn.trim()) filter.bsn = fields.bsn.trim();
  if (fields.operation.trim()) filter.operation = fields.operation.trim();
  if (fields.actorSubject.trim()) filter.actorSubject = fields.actorSubject.trim();
  if (fields.from) filter.from = startOf(fields.from);
  if (fields.to) {
    const next = new Date(`${fields.to}T12:00:00`);
    next.setDate(next.getDate() + 1);
    filter.to = startOf(next.toISOString().slice(0, 10));
  }
  return filter;
}

/**
 * The processing log: who read whose personal data, when, why and which parts, newest
 * first, narrowed by resident, operation, employee and period. The filter stays on this page
 * (not in the address), since a citizen service number is personal data.
 */
export function ProcessingLogPage() {
  const intl = useIntl();
  const [fields, setFields] = useState(NONE);
  const [filter, setFilter] = useState<ProcessingLogFilter>({});
  const [after, setAfter] = useState<string | null>(null);
  const { data } = usePageQuery({
    query: ProcessingLogQuery,
    variables: { filter, first: PAGE, after },
  });
  const log = data?.processingLog;
  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAfter(null);
    setFilter(filterFrom(fields));
  };
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.log.title',
          defaultMessage: 'Verwerkingslog',
          description: 'Title of the processing log',
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
        <TextboxField
          label={<Label name="bsn" />}
          name="bsn"
          inputMode="numeric"
          value={fields.bsn}
          onChange={set('bsn')}
        />
        <TextboxField
          label={
            <FormattedMessage
              id="console.log.operation"
              defaultMessage="Handeling"
              description="Label: the operation that read the data"
            />
          }
          name="operation"
          value={fields.operation}
          onChange={set('operation')}
        />
        <TextboxField
          label={
            <FormattedMessage
              id="console.log.actor"
              defaultMessage="Wie"
              description="Label: who read the data (login name)"
            />
          }
          name="actorSubject"
          value={fields.actorSubject}
          onChange={set('actorSubject')}
        />
        <TextboxField
          label={
            <FormattedMessage
              id="console.log.from"
              defaultMessage="Vanaf"
              description="Label: the first day of the period"
            />
          }
          name="from"
          type="date"
          value={fields.from}
          onChange={set('from')}
        />
        <TextboxField
          label={
            <FormattedMessage
              id="console.log.to"
              defaultMessage="Tot en met"
              description="Label: the last day of the period"
            />
          }
          name="to"
          type="date"
          value={fields.to}
          onChange={set('to')}
        />
        <Button type="submit" appearance="secondary-action-button">
          <FormattedMessage
            id="console.queue.apply"
            defaultMessage="Filteren"
            description="Button: apply the filters"
          />
        </Button>
      </form>
      {!log ? (
        <Loading />
      ) : log.nodes.length === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="console.log.none"
            defaultMessage="Geen verwerkingen gevonden."
            description="The processing log has no entries for the filter"
          />
        </Paragraph>
      ) : (
        <>
          <Table
            className="loket-processing-log"
            caption={
              <FormattedMessage
                id="console.log.caption"
                defaultMessage="Verwerkingen, de nieuwste bovenaan"
                description="Caption of the processing log table"
              />
            }
            columns={[
              <FormattedMessage
                key="at"
                id="console.log.at"
                defaultMessage="Wanneer"
                description="Column"
              />,
              <FormattedMessage
                key="actor"
                id="console.log.actor"
                defaultMessage="Wie"
                description="Label: who read the data (login name)"
              />,
              <Label key="bsn" name="bsn" />,
              <FormattedMessage
                key="operation"
                id="console.log.operation"
                defaultMessage="Handeling"
                description="Label: the operation that read the data"
              />,
              <FormattedMessage
                key="purpose"
                id="console.log.purpose"
                defaultMessage="Doel"
                description="Column: why the data was read"
              />,
              <FormattedMessage
                key="groups"
                id="console.log.groups"
                defaultMessage="Gegevens"
                description="Column: which parts of the data were read"
              />,
              <FormattedMessage
                key="request"
                id="console.log.request"
                defaultMessage="Verzoek"
                description="Column: the request id, to find the log lines"
              />,
            ]}
          >
            {log.nodes.map((e, i) => (
              <tr key={`${e.requestId}-${i}`} className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">
                  <DateText value={e.at} kind="datetime" />
                </th>
                <td className="utrecht-table__cell">
                  {e.actorSubject}
                  <br />
                  <small>
                    <FormattedMessage
                      id="console.log.roles"
                      defaultMessage="{kind}: {roles}"
                      description="The kind of reader and their roles"
                      values={{ kind: e.actorKind, roles: e.roles.join(', ') }}
                    />
                  </small>
                </td>
                <td className="utrecht-table__cell">{e.personBsn}</td>
                <td className="utrecht-table__cell">{e.operation}</td>
                <td className="utrecht-table__cell">{e.purpose}</td>
                <td className="utrecht-table__cell">{e.fieldGroups.join(', ')}</td>
                <td className="utrecht-table__cell">
                  <code>{e.requestId}</code>
                </td>
              </tr>
            ))}
          </Table>
          <ButtonGroup>
            {after && (
              <Button type="button" appearance="subtle-button" onClick={() => setAfter(null)}>
                <FormattedMessage
                  id="page.first"
                  defaultMessage="Eerste pagina"
                  description="Paging: back to the first page of a list"
                />
              </Button>
            )}
            {log.pageInfo.hasNextPage && log.pageInfo.endCursor && (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => setAfter(log.pageInfo.endCursor ?? null)}
              >
                <FormattedMessage
                  id="page.next"
                  defaultMessage="Volgende pagina"
                  description="Paging: the next page of a list"
                />
              </Button>
            )}
          </ButtonGroup>
        </>
      )}
    </>
  );
}
