// "Al gemeld?": open reports of the same category near the place, to follow one instead of
// filing the same problem again.
import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DateText } from '../../components/DateText';

export interface NearbyOpenReport {
  distanceM: number;
  report: {
    reference: string;
    createdAt: string;
    category: { name: string };
    status: { name: string };
  };
}

export interface ReportNearbyProps {
  nearby: readonly NearbyOpenReport[];
  /** The reference to follow, or `''` for a new report. */
  follow: string;
  onFollow: (reference: string) => void;
  onBack: () => void;
  onSubmit: () => void;
  busy: boolean;
  /** What is wrong with the choice (a report that closed meanwhile). */
  error?: ReactNode;
  /** A refusal that names no field. */
  alert?: ReactNode;
}

/** Follow an open report nearby, or file a new one anyway. */
export function ReportNearby({
  nearby,
  follow,
  onFollow,
  onBack,
  onSubmit,
  busy,
  error,
  alert,
}: ReportNearbyProps) {
  const intl = useIntl();
  const heading = useId();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section aria-labelledby={heading} className="loket-report-nearby">
      <Heading2 id={heading} ref={title} tabIndex={-1}>
        <FormattedMessage
          id="report.nearby.title"
          defaultMessage="Al gemeld?"
          description="Heading: open reports of the same kind nearby"
        />
      </Heading2>
      <Paragraph>
        <FormattedMessage
          id="report.nearby.lead"
          defaultMessage="{count, plural, one {Vlakbij is dit al gemeld.} other {Vlakbij is dit al # keer gemeld.}} Gaat het om hetzelfde probleem? Volg dan die melding: u krijgt bericht als er iets verandert."
          description="Introduction of the open reports nearby"
          values={{ count: nearby.length }}
        />
      </Paragraph>
      <form className="loket-form" noValidate onSubmit={submit}>
        {alert}
        <ChoiceGroup
          legend={intl.formatMessage({
            id: 'report.nearby.legend',
            defaultMessage: 'Wat wilt u doen?',
            description: 'Legend: follow a report nearby or file a new one',
          })}
          error={error}
        >
          {nearby.map(({ distanceM, report }) => {
            const id = `report-follow-${report.reference}`;
            return (
              <div key={report.reference} className="loket-choice">
                <RadioButton
                  id={id}
                  name="follow"
                  value={report.reference}
                  checked={follow === report.reference}
                  onChange={() => onFollow(report.reference)}
                />
                <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio">
                  <FormattedMessage
                    id="report.nearby.option"
                    defaultMessage="Melding {reference} volgen: {category}, {distance, plural, =0 {op dezelfde plek} other {# meter hiervandaan}}, gemeld op {date}. Status: {status}."
                    description="Radio: follow an open report nearby"
                    values={{
                      reference: <strong>{report.reference}</strong>,
                      category: <span lang="nl">{report.category.name}</span>,
                      distance: distanceM,
                      date: <DateText value={report.createdAt} />,
                      status: <span lang="nl">{report.status.name}</span>,
                    }}
                  />
                </label>
              </div>
            );
          })}
          <div className="loket-choice">
            <RadioButton
              id="report-follow-none"
              name="follow"
              value=""
              checked={follow === ''}
              onChange={() => onFollow('')}
            />
            <label
              htmlFor="report-follow-none"
              className="utrecht-form-label utrecht-form-label--radio"
            >
              <FormattedMessage
                id="report.nearby.new"
                defaultMessage="Het gaat om iets anders: ik doe een nieuwe melding"
                description="Radio: file a new report anyway"
              />
            </label>
          </div>
        </ChoiceGroup>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={busy}
            aria-disabled={busy || undefined}
          >
            {follow ? (
              <FormattedMessage
                id="report.nearby.follow"
                defaultMessage="Deze melding volgen"
                description="Button: follow the chosen report"
              />
            ) : (
              <FormattedMessage
                id="report.submit"
                defaultMessage="Melding versturen"
                description="Button: file the report"
              />
            )}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onBack}>
            <FormattedMessage
              id="report.nearby.back"
              defaultMessage="Terug naar uw melding"
              description="Button: back to the report form"
            />
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
