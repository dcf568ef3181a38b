import { Checkbox, RadioButton, Textarea, Textbox } from '@utrecht/component-library-react';
import { forwardRef, useId, type ForwardedRef, type HTMLAttributes, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

import { SPACE } from '../../format';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { ChoiceGroup } from '../ChoiceGroup';
import { Field } from '../Field';

export const ReportFieldFragment = graphql(`
  fragment ReportField_ReportField on ReportField {
    code
    name
    description
    datatype
    required
    values {
      key
      name
    }
  }
`);

export interface ReportFieldProps extends Omit<HTMLAttributes<HTMLElement>, 'onChange'> {
  field: FragmentType<typeof ReportFieldFragment>;
  /** The answer as Loket takes it (list keys separated by commas; RFC 3339 for a moment). */
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the answer, shown next to the question. */
  error?: ReactNode;
}

/** `2026-12-04T08:30` (a local date and time) as RFC 3339 with the browser's offset. */
export function localToRfc3339(local: string): string {
  if (local === '') return '';
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) return local;
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.slice(0, 16)}:00${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/** The question's name, with "(verplicht)" when it must be answered. */
function Question({ name, required }: { name: string; required: boolean }) {
  // One element: a legend is a table box, which drops a space standing between its children.
  return (
    <span className="loket-report-field__question">
      <span lang="nl">{name}</span>
      {required && (
        <>
          {SPACE}
          <FormattedMessage
            id="reportField.required"
            defaultMessage="(verplicht)"
            description="Mark after a question that must be answered"
          />
        </>
      )}
    </span>
  );
}

/**
 * One of a report category's questions, as its datatype asks: a line or lines of text, a
 * number, a date and time, or one or more of the listed values.
 */
export const ReportField = forwardRef<HTMLElement, ReportFieldProps>(function ReportField(
  { field: fieldRef, value, onChange, error, className, ...props },
  ref,
) {
  const field = getFragmentData(ReportFieldFragment, fieldRef);
  const id = useId();
  const label = <Question name={field.name} required={field.required} />;
  const description = field.description ? <span lang="nl">{field.description}</span> : undefined;
  const classes = ['loket-report-field', className].filter(Boolean).join(' ');
  switch (field.datatype) {
    case 'SINGLEVALUELIST':
    case 'MULTIVALUELIST': {
      const multiple = field.datatype === 'MULTIVALUELIST';
      const chosen = new Set(value.split(',').filter(Boolean));
      return (
        <ChoiceGroup
          ref={ref as ForwardedRef<HTMLFieldSetElement>}
          legend={label}
          description={description}
          error={error}
          className={classes}
          {...props}
        >
          {field.values.map((v) => {
            const optionId = `${id}-${v.key}`;
            const toggle = (on: boolean) => {
              if (!multiple) return onChange(v.key);
              const next = new Set(chosen);
              if (on) next.add(v.key);
              else next.delete(v.key);
              // In the order the list gives, as Loket keeps them.
              onChange(
                field.values
                  .map((x) => x.key)
                  .filter((k) => next.has(k))
                  .join(','),
              );
            };
            return (
              <div key={v.key} className="loket-choice">
                {multiple ? (
                  <Checkbox
                    id={optionId}
                    name={field.code}
                    value={v.key}
                    checked={chosen.has(v.key)}
                    onChange={(e) => toggle(e.target.checked)}
                  />
                ) : (
                  <RadioButton
                    id={optionId}
                    name={field.code}
                    value={v.key}
                    checked={chosen.has(v.key)}
                    onChange={() => toggle(true)}
                  />
                )}
                <label
                  htmlFor={optionId}
                  className={`utrecht-form-label utrecht-form-label--${multiple ? 'checkbox' : 'radio'}`}
                  lang="nl"
                >
                  {v.name}
                </label>
              </div>
            );
          })}
        </ChoiceGroup>
      );
    }
    case 'TEXT':
      return (
        <Field
          ref={ref as ForwardedRef<HTMLDivElement>}
          label={label}
          description={description}
          error={error}
          className={classes}
          {...props}
        >
          {({ invalid, ...control }) => (
            <Textarea
              {...control}
              invalid={invalid}
              name={field.code}
              rows={3}
              maxLength={1000}
              required={field.required}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Field>
      );
    case 'STRING':
    case 'NUMBER':
    case 'DATETIME':
      return (
        <Field
          ref={ref as ForwardedRef<HTMLDivElement>}
          label={label}
          description={description}
          error={error}
          className={classes}
          {...props}
        >
          {({ invalid, ...control }) => (
            <Textbox
              {...control}
              invalid={invalid}
              name={field.code}
              required={field.required}
              {...(field.datatype === 'NUMBER'
                ? { type: 'number', inputMode: 'decimal' as const, step: 'any' }
                : field.datatype === 'DATETIME'
                  ? { type: 'datetime-local' }
                  : { maxLength: 1000 })}
              value={field.datatype === 'DATETIME' ? value.slice(0, 16) : value}
              onChange={(e) =>
                onChange(
                  field.datatype === 'DATETIME' ? localToRfc3339(e.target.value) : e.target.value,
                )
              }
            />
          )}
        </Field>
      );
    default: {
      const unreachable: never = field.datatype;
      return unreachable;
    }
  }
});
