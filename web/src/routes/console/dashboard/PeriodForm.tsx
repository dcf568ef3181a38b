import { Button, Textbox } from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';

import { Field } from '../../../components/Field';
import { periodsFrom } from './period';

/**
 * The period a report covers, and optionally the one it is compared with, kept in the URL
 * (`van`, `tot`, `vergelijk-van`, `vergelijk-tot`).
 */
export function PeriodForm({ compare }: { compare: boolean }) {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const { period, compareWith } = periodsFrom(params);
  const fields = [
    {
      name: 'van',
      value: period.from,
      label: intl.formatMessage({
        id: 'console.report.from',
        defaultMessage: 'Van',
        description: 'Label: first day of the period',
      }),
    },
    {
      name: 'tot',
      value: period.to,
      label: intl.formatMessage({
        id: 'console.report.to',
        defaultMessage: 'Tot en met',
        description: 'Label: last day of the period',
      }),
    },
    ...(compare
      ? [
          {
            name: 'vergelijk-van',
            value: compareWith?.from ?? '',
            label: intl.formatMessage({
              id: 'console.report.compareFrom',
              defaultMessage: 'Vergelijken met: van',
              description: 'Label: first day of the comparison period',
            }),
          },
          {
            name: 'vergelijk-tot',
            value: compareWith?.to ?? '',
            label: intl.formatMessage({
              id: 'console.report.compareTo',
              defaultMessage: 'Vergelijken met: tot en met',
              description: 'Label: last day of the comparison period',
            }),
          },
        ]
      : []),
  ];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const { name } of fields) {
      const value = String(form.get(name) ?? '');
      if (value) next[name] = value;
    }
    setParams(next);
  };
  return (
    <form
      key={params.toString()}
      className="loket-form loket-filters"
      aria-label={intl.formatMessage({
        id: 'console.report.periods',
        defaultMessage: 'Perioden',
        description: 'Accessible name of the period form',
      })}
      onSubmit={submit}
    >
      {fields.map(({ name, value, label }) => (
        <Field key={name} label={label}>
          {(control) => <Textbox {...control} name={name} type="date" defaultValue={value} />}
        </Field>
      ))}
      <Button type="submit" appearance="secondary-action-button">
        <FormattedMessage
          id="console.report.show"
          defaultMessage="Tonen"
          description="Button: show the report for these periods"
        />
      </Button>
    </form>
  );
}
