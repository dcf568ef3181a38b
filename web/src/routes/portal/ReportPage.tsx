import { Button, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient, useMutation, type CombinedError } from 'urql';

import { CategoryChoice } from '../../components/CategoryChoice';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ReportField } from '../../components/ReportField';
import { BadUserInputError, fieldErrors, loketErrors } from '../../errors';
import { graphql } from '../../gql';
import type { FileReportMutation, NearbyReportsQuery } from '../../gql/graphql';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { useLocale } from '../../hooks/useLocale';
import { useReportPhotos } from '../../hooks/useReportPhotos';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useSession } from '../../hooks/useSession';
import { useTenant } from '../../hooks/useTenant';
import { ReportContactFields, type ReportContact } from './ReportContactFields';
import { ReportDone } from './ReportDone';
import { ReportNearby } from './ReportNearby';
import { ReportPhotoFields } from './ReportPhotoFields';
import { ReportPlaceFields, type ChosenPlace } from './ReportPlaceFields';
import { answerKey, reportProblems } from './reportProblems';

const ReportFormQuery = graphql(`
  query ReportForm {
    reportCategories {
      code
      fields {
        code
        required
        ...ReportField_ReportField
      }
      ...CategoryChoice_ReportCategory
    }
  }
`);

const NearbyReports = graphql(`
  query NearbyReports($category: String!, $location: LocationInput!) {
    nearbyReports(category: $category, location: $location) {
      distanceM
      report {
        reference
        createdAt
        category {
          name
        }
        status {
          name
        }
      }
    }
  }
`);

const FileReport = graphql(`
  mutation FileReport($input: FileReportInput!) {
    fileReport(input: $input) {
      joined
      replayed
      report {
        reference
        expectedBy
        ...ReportSummary_Report
      }
    }
  }
`);

type Step = 'form' | 'nearby';

/** The fields of the form a refusal can be shown at (besides the category's questions). */
const FORM_FIELDS = [
  'category',
  'place',
  'description',
  'name',
  'email',
  'phone',
  'language',
  'join',
  'photos',
];

/**
 * Reporting a problem in public space, with or without logging in: the category, the place
 * (an address or where you stand), what is wrong and the category's questions, and where
 * the news goes. Open reports of the same kind nearby are offered to follow first. Filed
 * with an idempotency key, so a retry never files twice.
 */
export function ReportPage() {
  const intl = useIntl();
  const client = useClient();
  const { session } = useSession();
  const { tenant } = useTenant();
  const { locale } = useLocale();
  const { data } = usePageQuery({ query: ReportFormQuery });
  const [category, setCategory] = useState('');
  const [place, setPlace] = useState<ChosenPlace | null>(null);
  const [description, setDescription] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const photos = useReportPhotos({ tenant: tenant.slug, token: session?.token ?? null });
  const [contact, setContact] = useState<ReportContact>({
    name: '',
    email: '',
    phone: '',
    language: tenant.languages.includes(locale) ? locale : (tenant.languages[0] ?? ''),
  });
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<CombinedError | null>(null);
  const [step, setStep] = useState<Step>('form');
  const [nearby, setNearby] = useState<NearbyReportsQuery['nearbyReports']>([]);
  const [follow, setFollow] = useState('');
  const [done, setDone] = useState<FileReportMutation['fileReport'] | null>(null);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, or back from "Al gemeld?", the keyboard continues at the first field
  // to correct, else at the button that was left.
  const [focusAfter, setFocusAfter] = useState(0);
  useEffect(() => {
    if (focusAfter === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>(
      'input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"], [aria-invalid="true"] input',
    );
    (invalid ?? form.current?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  }, [focusAfter]);
  const backToForm = () => {
    setStep('form');
    setFocusAfter((n) => n + 1);
  };
  const [, fileReport] = useMutation(FileReport);

  const chosen = data?.reportCategories.find((c) => c.code === category);
  const fields = chosen?.fields ?? [];
  const attributes = fields
    .filter((f) => (answers[f.code] ?? '').trim() !== '')
    .map((f) => ({ code: f.code, value: (answers[f.code] ?? '').trim() }));
  const reporter = {
    name: contact.name.trim() || null,
    email: contact.email.trim() || null,
    phone: contact.phone.trim() || null,
    language: contact.language || null,
  };
  const where =
    place?.kind === 'address'
      ? { addressId: place.addressId }
      : place
        ? { location: { lat: place.lat, lon: place.lon } }
        : {};
  const content = {
    category,
    ...where,
    description: description.trim(),
    attributes,
    reporter,
    join: step === 'nearby' && follow ? follow : null,
    photos: photos.ids,
  };
  const key = useIdempotencyKey(JSON.stringify(content));

  if (!data) return <Loading />;

  if (done) {
    return (
      <ReportDone
        joined={done.joined}
        reference={done.report.reference}
        expectedBy={done.report.expectedBy}
        report={done.report}
        address={[reporter.email, reporter.phone].filter(Boolean).join(', ')}
        loggedIn={Boolean(session)}
      />
    );
  }

  async function send() {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    setError(null);
    const result = await fileReport({ input: { ...content, idempotencyKey: key } });
    busy.current = false;
    setSending(false);
    if (result.data) {
      setDone(result.data.fileReport);
      return;
    }
    if (!result.error) return;
    const found = reportProblems(
      fieldErrors(result.error),
      fields.map((f) => f.code),
    );
    setProblems(found);
    setError(result.error);
    // A problem with what was typed is shown at its field, on the form.
    if ([...found.keys()].some((k) => k !== 'join')) backToForm();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const local = new Map<string, string>();
    if (!chosen) local.set('category', 'client');
    if (!place) local.set('place', 'client');
    if (description.trim() === '') local.set('description', 'client');
    for (const f of fields) {
      if (f.required && (answers[f.code] ?? '').trim() === '')
        local.set(answerKey(f.code), 'client');
    }
    if (!session && !reporter.email && !reporter.phone) local.set('email', 'client');
    if (photos.uploading) local.set('photos', 'client');
    setProblems(local);
    setError(null);
    // A refused photo is shown at its field until it is removed.
    const refused = photos.photos.some((p) => p.status === 'refused');
    if (local.size > 0 || refused || !place) {
      setFocusAfter((n) => n + 1);
      return;
    }
    busy.current = true;
    setSending(true);
    const open = await client
      .query(
        NearbyReports,
        { category, location: { lat: place.lat, lon: place.lon } },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    busy.current = false;
    setSending(false);
    const offered = open.data?.nearbyReports ?? [];
    if (offered.length > 0) {
      setNearby(offered);
      setFollow('');
      setStep('nearby');
      return;
    }
    await send();
  }

  const problem = (field: string) => {
    const message = problems.get(field);
    if (!message) return undefined;
    if (message !== 'client') return <FieldError message={message} />;
    switch (field) {
      case 'category':
        return (
          <FormattedMessage
            id="report.error.category"
            defaultMessage="Kies waar uw melding over gaat."
            description="Error: no category chosen"
          />
        );
      case 'place':
        return (
          <FormattedMessage
            id="report.error.place"
            defaultMessage="Zoek een adres op of gebruik uw huidige locatie."
            description="Error: no place chosen"
          />
        );
      case 'description':
        return (
          <FormattedMessage
            id="report.error.description"
            defaultMessage="Beschrijf wat er aan de hand is."
            description="Error: no description"
          />
        );
      case 'photos':
        return (
          <FormattedMessage
            id="report.error.photosUploading"
            defaultMessage="Wacht tot uw foto's zijn verstuurd."
            description="Error: the report is sent while a photo is still being sent"
          />
        );
      case 'email':
        return (
          <FormattedMessage
            id="report.error.contact"
            defaultMessage="Vul een e-mailadres of een mobiel nummer in."
            description="Error: an anonymous reporter gave no e-mail address or phone"
          />
        );
      default:
        return (
          <FormattedMessage
            id="report.error.answer"
            defaultMessage="Beantwoord deze vraag."
            description="Error: a required question of the category is not answered"
          />
        );
    }
  };
  // What names no field of the form is said above it, in plain words.
  const shown = new Set([...FORM_FIELDS, ...fields.map((f) => answerKey(f.code))]);
  const refusals = error ? loketErrors(error) : [];
  const placed =
    refusals.every((e) => e instanceof BadUserInputError && e.field) &&
    [...problems.keys()].every((k) => shown.has(k));
  const unplaced = placed ? undefined : refusals[0];
  const alert = unplaced && <ErrorMessage error={unplaced} />;

  const title = intl.formatMessage({
    id: 'report.title',
    defaultMessage: 'Melding doen',
    description: 'Title of the page to report a problem in public space',
  });

  return (
    <>
      <PageTitle>{title}</PageTitle>
      {step === 'nearby' && (
        <ReportNearby
          nearby={nearby}
          follow={follow}
          onFollow={setFollow}
          onBack={backToForm}
          onSubmit={() => void send()}
          busy={sending}
          error={problem('join')}
          alert={alert}
        />
      )}
      <div hidden={step !== 'form'}>
        <Paragraph>
          <FormattedMessage
            id="report.lead"
            defaultMessage="Is er iets kapot, vies of gevaarlijk op straat, in het groen of in het water? Meld het hier. U hoeft niet in te loggen."
            description="Introduction of the report form"
          />
        </Paragraph>
        {data.reportCategories.length === 0 ? (
          <Paragraph>
            <FormattedMessage
              id="report.noCategories"
              defaultMessage="U kunt hier nu geen melding doen. Neem contact op met de gemeente."
              description="The municipality offers no report categories"
            />
          </Paragraph>
        ) : (
          <form ref={form} className="loket-form" noValidate onSubmit={(e) => void submit(e)}>
            {step === 'form' && alert}
            <CategoryChoice
              legend={intl.formatMessage({
                id: 'report.category.legend',
                defaultMessage: 'Waar gaat uw melding over?',
                description: 'Legend of the report categories',
              })}
              categories={data.reportCategories}
              value={category}
              onChange={setCategory}
              error={problem('category')}
            />
            <ReportPlaceFields value={place} onChange={setPlace} error={problem('place')} />
            <Field
              label={intl.formatMessage({
                id: 'report.description',
                defaultMessage: 'Wat is er aan de hand?',
                description: 'Label of the description of a report',
              })}
              description={intl.formatMessage({
                id: 'report.description.hint',
                defaultMessage:
                  'Beschrijf het probleem en de plek zo precies mogelijk. Bijvoorbeeld: de derde lantaarnpaal vanaf de kruising brandt niet.',
                description: 'Help under the description of a report',
              })}
              error={problem('description')}
            >
              {({ invalid, ...control }) => (
                <Textarea
                  {...control}
                  invalid={invalid}
                  name="description"
                  rows={4}
                  maxLength={4000}
                  required
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              )}
            </Field>
            {chosen?.fields.map((f) => (
              <ReportField
                key={`${category}-${f.code}`}
                field={f}
                value={answers[f.code] ?? ''}
                onChange={(value) => setAnswers((a) => ({ ...a, [f.code]: value }))}
                error={problem(answerKey(f.code))}
              />
            ))}
            <ReportPhotoFields photos={photos} error={problem('photos')} />
            <ReportContactFields
              value={contact}
              onChange={setContact}
              loggedIn={Boolean(session)}
              languages={tenant.languages}
              problem={problem}
            />
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={sending}
              aria-disabled={sending || undefined}
            >
              <FormattedMessage
                id="report.submit"
                defaultMessage="Melding versturen"
                description="Button: file the report"
              />
            </Button>
          </form>
        )}
      </div>
    </>
  );
}
