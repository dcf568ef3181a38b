import {
  Button,
  Checkbox,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';

import { DateText } from '../../components/DateText';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import type { CaseFilter } from '../../gql/graphql';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useReconnect } from '../../hooks/useReconnect';
import { Label, OverdueMark } from './labels';
import { casePath } from './casePath';
import { Table } from './Table';

/** How many cases a page of the queue shows. */
const PAGE = 100;

const WorkQueueQuery = graphql(`
  query WorkQueue($filter: CaseFilter, $first: Int) {
    cases(filter: $filter, first: $first) {
      totalCount
      overdueCount
      nodes {
        id
        reference
        caseType {
          name
        }
        status {
          name
        }
        deadline
        overdue
        handler
        location
        version
      }
    }
  }
`);

const QueueTypesQuery = graphql(`
  query WorkQueueTypes {
    caseTypes {
      code
      name
      statuses {
        code
        name
        end
      }
    }
  }
`);

const QueueUpdatedSubscription = graphql(`
  subscription WorkQueueUpdated {
    caseUpdated {
      kind
      case {
        id
      }
    }
  }
`);

/** The filter as the URL keeps it (no personal data), so a view can be shared or kept. */
function filterFrom(params: URLSearchParams): CaseFilter {
  const filter: CaseFilter = {};
  const type = params.get('type');
  const status = params.get('status');
  const handler = params.get('handler');
  const dueBefore = params.get('voor');
  if (type) filter.caseTypes = [type];
  if (status) filter.statuses = [status];
  if (handler) filter.handler = handler;
  if (params.get('vrij') === '1') filter.unassigned = true;
  if (params.get('te-laat') === '1') filter.overdue = true;
  if (dueBefore) filter.dueBefore = dueBefore;
  return filter;
}

function paramsFrom(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['type', 'status', 'handler', 'voor']) {
    const value = String(form.get(name) ?? '').trim();
    if (value) out[name] = value;
  }
  if (form.get('vrij')) out['vrij'] = '1';
  if (form.get('te-laat')) out['te-laat'] = '1';
  return out;
}

/**
 * The back office's work queue: the open cases of the case types the employee handles,
 * soonest deadline first, overdue ones marked, narrowed by filters kept in the URL. It
 * follows changes as they happen.
 */
export function WorkQueuePage() {
  const intl = useIntl();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const [announcement, setAnnouncement] = useState('');
  const { data, reexecute } = usePageQuery({
    query: WorkQueueQuery,
    variables: { filter, first: PAGE },
  });
  const [{ data: types }] = useQuery({ query: QueueTypesQuery });
  useSubscription({ query: QueueUpdatedSubscription }, (_previous, update) => {
    reexecute({ requestPolicy: 'network-only' });
    setAnnouncement(
      intl.formatMessage({
        id: 'console.queue.updated',
        defaultMessage: 'De werkvoorraad is bijgewerkt.',
        description: 'Announced when a case in the queue changes',
      }),
    );
    return update;
  });
  useReconnect(() => reexecute({ requestPolicy: 'network-only' }));

  const statuses = new Map<string, string>();
  for (const t of types?.caseTypes ?? []) {
    if (filter.caseTypes && !filter.caseTypes.includes(t.code)) continue;
    for (const s of t.statuses) if (!s.end && !statuses.has(s.code)) statuses.set(s.code, s.name);
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(paramsFrom(new FormData(event.currentTarget)));
  };
  const cases = data?.cases;

  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.queue.title',
          defaultMessage: 'Werkvoorraad',
          description: 'Title of the work queue',
        })}
      </PageTitle>
      <form
        key={params.toString()}
        className="loket-form loket-filters"
        aria-label={intl.formatMessage({
          id: 'console.queue.filters',
          defaultMessage: 'Filters',
          description: 'Accessible name of the work queue filters',
        })}
        onSubmit={submit}
      >
        <Field label={<Label name="caseType" />}>
          {(control) => (
            <Select {...control} name="type" defaultValue={params.get('type') ?? ''}>
              <SelectOption value="">
                {intl.formatMessage({
                  id: 'console.queue.all',
                  defaultMessage: 'Alle',
                  description: 'Filter option: no filter',
                })}
              </SelectOption>
              {(types?.caseTypes ?? []).map((t) => (
                <SelectOption key={t.code} value={t.code}>
                  {t.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field label={<Label name="status" />}>
          {(control) => (
            <Select {...control} name="status" defaultValue={params.get('status') ?? ''}>
              <SelectOption value="">
                {intl.formatMessage({
                  id: 'console.queue.all',
                  defaultMessage: 'Alle',
                  description: 'Filter option: no filter',
                })}
              </SelectOption>
              {[...statuses].map(([code, name]) => (
                <SelectOption key={code} value={code}>
                  {name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field label={<Label name="handler" />}>
          {(control) => (
            <Textbox
              {...control}
              name="handler"
              autoComplete="off"
              maxLength={100}
              defaultValue={params.get('handler') ?? ''}
            />
          )}
        </Field>
        <Field
          label={
            <FormattedMessage
              id="console.queue.dueBefore"
              defaultMessage="Termijn vóór"
              description="Label: due before a date"
            />
          }
        >
          {(control) => (
            <Textbox {...control} name="voor" type="date" defaultValue={params.get('voor') ?? ''} />
          )}
        </Field>
        <div className="loket-choice">
          <Checkbox
            id={`${id}-free`}
            name="vrij"
            value="1"
            defaultChecked={filter.unassigned === true}
          />
          <label htmlFor={`${id}-free`} className="utrecht-form-label utrecht-form-label--checkbox">
            <FormattedMessage
              id="console.queue.unassigned"
              defaultMessage="Alleen zonder behandelaar"
              description="Filter"
            />
          </label>
        </div>
        <div className="loket-choice">
          <Checkbox
            id={`${id}-late`}
            name="te-laat"
            value="1"
            defaultChecked={filter.overdue === true}
          />
          <label htmlFor={`${id}-late`} className="utrecht-form-label utrecht-form-label--checkbox">
            <FormattedMessage
              id="console.queue.overdue"
              defaultMessage="Alleen over de termijn"
              description="Filter"
            />
          </label>
        </div>
        <Button type="submit" appearance="secondary-action-button">
          <FormattedMessage
            id="console.queue.apply"
            defaultMessage="Filteren"
            description="Button: apply the filters"
          />
        </Button>
      </form>
      <p role="status" className="loket-live">
        {announcement}
      </p>
      {!cases ? (
        <Loading />
      ) : (
        <>
          <Paragraph>
            <FormattedMessage
              id="console.queue.count"
              defaultMessage="{count, plural, =0 {Geen open zaken.} one {1 open zaak} other {# open zaken}}{overdue, plural, =0 {} other {, waarvan # over de termijn}}."
              description="How many cases the queue holds and how many are overdue"
              values={{ count: cases.totalCount, overdue: cases.overdueCount }}
            />
          </Paragraph>
          {cases.nodes.length > 0 && (
            <Table
              className="loket-queue"
              caption={
                <FormattedMessage
                  id="console.queue.caption"
                  defaultMessage="Open zaken, de eerste termijn bovenaan"
                  description="Caption of the work queue table"
                />
              }
              columns={[
                <Label name="reference" />,
                <Label name="caseType" />,
                <Label name="status" />,
                <Label name="deadline" />,
                <Label name="handler" />,
                <Label name="location" />,
              ]}
            >
              {cases.nodes.map((c) => (
                <tr
                  key={c.id}
                  className={['utrecht-table__row', c.overdue && 'loket-queue__row--overdue']
                    .filter(Boolean)
                    .join(' ')}
                >
                  <th className="utrecht-table__header-cell" scope="row">
                    <RouterLink to={casePath(c.reference)}>{c.reference}</RouterLink>
                  </th>
                  <td className="utrecht-table__cell">{c.caseType.name}</td>
                  <td className="utrecht-table__cell">{c.status?.name}</td>
                  <td className="utrecht-table__cell">
                    <DateText value={c.deadline} />
                    {c.overdue && <OverdueMark />}
                  </td>
                  <td className="utrecht-table__cell">{c.handler ?? <Label name="nobody" />}</td>
                  <td className="utrecht-table__cell">{c.location}</td>
                </tr>
              ))}
            </Table>
          )}
          {cases.totalCount > cases.nodes.length && (
            <Paragraph>
              <FormattedMessage
                id="console.queue.more"
                defaultMessage="De eerste {shown} van {count} staan hier. Filter om de rest te zien."
                description="The queue shows a first page only"
                values={{ shown: cases.nodes.length, count: cases.totalCount }}
              />
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}
