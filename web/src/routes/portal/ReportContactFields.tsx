// How a reporter is kept informed: name, e-mail address or mobile number, and the language
// of the messages (one of the municipality's). Required without logging in.
import { Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';

export interface ReportContact {
  name: string;
  email: string;
  phone: string;
  language: string;
}

export interface ReportContactFieldsProps {
  value: ReportContact;
  onChange: (next: ReportContact) => void;
  /** Whether the resident logged in (then the details are optional). */
  loggedIn: boolean;
  /** The municipality's languages for messages, default first. */
  languages: readonly string[];
  /** Problems by field: `name`, `email`, `phone`, `language`. */
  problem: (field: keyof ReportContact) => ReactNode;
}

/** The details a report's messages go to. */
export function ReportContactFields({
  value,
  onChange,
  loggedIn,
  languages,
  problem,
}: ReportContactFieldsProps) {
  const intl = useIntl();
  const set = (field: keyof ReportContact) => (text: string) =>
    onChange({ ...value, [field]: text });
  const names = new Intl.DisplayNames([intl.locale], { type: 'language' });
  return (
    <ChoiceGroup
      legend={intl.formatMessage({
        id: 'report.contact.legend',
        defaultMessage: 'Hoe houden we u op de hoogte?',
        description: 'Legend of the reporter’s contact details',
      })}
      description={
        loggedIn
          ? intl.formatMessage({
              id: 'report.contact.optional',
              defaultMessage:
                'Niet verplicht. Zonder e-mailadres of mobiel nummer vindt u uw melding bij Mijn meldingen.',
              description: 'Help: contact details are optional when logged in',
            })
          : intl.formatMessage({
              id: 'report.contact.required',
              defaultMessage:
                'Vul een e-mailadres of een mobiel nummer in (of allebei). Daar sturen we het nummer van uw melding en berichten over wat we ermee doen.',
              description: 'Help: an anonymous reporter must give an e-mail address or phone',
            })
      }
      className="loket-report-contact"
    >
      <Field
        label={
          <FormattedMessage
            id="report.contact.name"
            defaultMessage="Uw naam (niet verplicht)"
            description="Label of the reporter's name"
          />
        }
        error={problem('name')}
      >
        {({ invalid, ...control }) => (
          <Textbox
            {...control}
            invalid={invalid}
            name="name"
            autoComplete="name"
            maxLength={200}
            value={value.name}
            onChange={(e) => set('name')(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={
          <FormattedMessage
            id="report.contact.email"
            defaultMessage="E-mailadres"
            description="Label of the reporter's e-mail address"
          />
        }
        error={problem('email')}
      >
        {({ invalid, ...control }) => (
          <Textbox
            {...control}
            invalid={invalid}
            name="email"
            type="email"
            autoComplete="email"
            maxLength={200}
            value={value.email}
            onChange={(e) => set('email')(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={
          <FormattedMessage
            id="report.contact.phone"
            defaultMessage="Mobiel nummer (voor een sms)"
            description="Label of the reporter's mobile number"
          />
        }
        error={problem('phone')}
      >
        {({ invalid, ...control }) => (
          <Textbox
            {...control}
            invalid={invalid}
            name="phone"
            type="tel"
            autoComplete="tel"
            maxLength={40}
            value={value.phone}
            onChange={(e) => set('phone')(e.target.value)}
          />
        )}
      </Field>
      {languages.length > 1 && (
        <Field
          label={
            <FormattedMessage
              id="report.contact.language"
              defaultMessage="Taal van de berichten"
              description="Label of the language of the messages about a report"
            />
          }
          error={problem('language')}
        >
          {({ invalid, ...control }) => (
            <Select
              {...control}
              invalid={invalid}
              name="language"
              value={value.language}
              onChange={(e) => set('language')(e.target.value)}
            >
              {languages.map((l) => (
                <SelectOption key={l} value={l}>
                  {names.of(l) ?? l}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      )}
    </ChoiceGroup>
  );
}
