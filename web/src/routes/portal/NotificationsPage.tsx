import { Checkbox, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DateText } from '../../components/DateText';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SubscribeForm } from '../../components/SubscribeForm';
import { SubscriptionItem } from '../../components/SubscriptionItem';
import { SPACE } from '../../format';
import { graphql } from '../../gql';
import { useLocale } from '../../hooks/useLocale';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useTenant } from '../../hooks/useTenant';

const NotificationsQuery = graphql(`
  query MyNotifications {
    me {
      subscriptions(first: 50) {
        edges {
          node {
            id
            ...SubscriptionItem_Subscription
          }
        }
      }
      person {
        travelDocuments {
          kind
          number
          expiresOn
        }
      }
    }
    tenant {
      languages
      notificationSettings {
        nearMeRadiusMeters
        nearMeMaxRadiusMeters
        travelDocumentReminderWeeks
      }
    }
    caseTypes {
      code
      publicNotice
    }
    products(first: 100) {
      nodes {
        code
        name
        caseType
      }
    }
  }
`);

const CONTEXT = { additionalTypenames: ['NotificationSubscription'] };

/** Be told of changes: my cases, permits near my home, a travel document about to expire. */
export function NotificationsPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const { languages } = useTenant();
  const { data } = usePageQuery({ query: NotificationsQuery, context: CONTEXT });
  const listHeading = useId();
  const [radius, setRadius] = useState<string | null>(null);
  const [products, setProducts] = useState<ReadonlySet<string>>(new Set());
  if (!data) return <Loading />;
  const settings = data.tenant.notificationSettings;
  const language = languages.includes(locale) ? locale : (data.tenant.languages[0] ?? 'nl');
  const published = new Set(data.caseTypes.filter((t) => t.publicNotice).map((t) => t.code));
  const permits = data.products.nodes.filter((p) => p.caseType && published.has(p.caseType));
  const subscriptions = data.me.subscriptions?.edges ?? [];
  const radiusValue = radius ?? String(settings.nearMeRadiusMeters);
  const radiusNumber = Number.parseInt(radiusValue, 10);
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'notifications.title',
          defaultMessage: 'Berichten en herinneringen',
          description: 'Title of the notifications page',
        })}
      </PageTitle>
      <Paragraph>
        <FormattedMessage
          id="notifications.lead"
          defaultMessage="Wij laten het u weten als er iets verandert. U kiest zelf waarover, en of dat per e-mail of sms gaat."
          description="Introduction on the notifications page"
        />
      </Paragraph>
      <section aria-labelledby={listHeading} className="loket-subscriptions">
        <Heading2 id={listHeading}>
          <FormattedMessage
            id="notifications.active"
            defaultMessage="Waar bent u voor aangemeld?"
            description="Heading of the active subscriptions"
          />
        </Heading2>
        {subscriptions.length === 0 ? (
          <Paragraph>
            <FormattedMessage
              id="notifications.none"
              defaultMessage="U bent nog nergens voor aangemeld."
              description="No subscriptions yet"
            />
          </Paragraph>
        ) : (
          <ul className="loket-subscriptions__list">
            {subscriptions.map(({ node }) => (
              <li key={node.id}>
                <SubscriptionItem subscription={node} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <SubscribeForm
        topic="MY_CASES"
        language={language}
        heading={intl.formatMessage({
          id: 'notifications.cases',
          defaultMessage: 'Nieuws over mijn zaken',
          description: 'Heading',
        })}
        intro={
          <FormattedMessage
            id="notifications.cases.intro"
            defaultMessage="U hoort het als we uw aanvraag hebben ontvangen, als de status verandert en als er een besluit is."
            description="What the my-cases subscription sends"
          />
        }
      />
      <SubscribeForm
        topic="NEAR_ME"
        language={language}
        extraInput={{
          radiusMeters: Number.isFinite(radiusNumber) ? radiusNumber : null,
          products: [...products].sort(),
        }}
        heading={intl.formatMessage({
          id: 'notifications.nearMe',
          defaultMessage: 'Vergunningen in mijn buurt',
          description: 'Heading',
        })}
        intro={
          <FormattedMessage
            id="notifications.nearMe.intro"
            defaultMessage="U hoort het als iemand in uw buurt een vergunning aanvraagt of krijgt. Er staan geen namen in het bericht."
            description="What the near-me subscription sends"
          />
        }
      >
        {(problem) => (
          <>
            <Field
              label={intl.formatMessage({
                id: 'notifications.radius',
                defaultMessage: 'Hoe ver van uw huis? (in meters)',
                description: 'Label of the radius',
              })}
              description={intl.formatMessage(
                {
                  id: 'notifications.radius.hint',
                  defaultMessage: 'Tussen 50 en {max} meter.',
                  description: 'Help under the radius',
                },
                { max: settings.nearMeMaxRadiusMeters },
              )}
              error={problem('radiusMeters')}
            >
              {({ invalid, ...control }) => (
                <Textbox
                  {...control}
                  invalid={invalid}
                  type="number"
                  inputMode="numeric"
                  min={50}
                  max={settings.nearMeMaxRadiusMeters}
                  step={50}
                  name="radius"
                  value={radiusValue}
                  onChange={(e) => setRadius(e.target.value)}
                />
              )}
            </Field>
            <ChoiceGroup
              legend={intl.formatMessage({
                id: 'notifications.products',
                defaultMessage: 'Over welke vergunningen?',
                description: 'Legend of the permit choice',
              })}
              description={intl.formatMessage({
                id: 'notifications.products.hint',
                defaultMessage: 'Kiest u niets, dan hoort u over alle vergunningen.',
                description: 'Help under the permit choice',
              })}
              error={problem('products')}
            >
              {permits.map((p) => (
                <div key={p.code} className="loket-choice">
                  <Checkbox
                    id={`near-${p.code}`}
                    checked={products.has(p.code)}
                    onChange={(e) => {
                      const next = new Set(products);
                      if (e.target.checked) next.add(p.code);
                      else next.delete(p.code);
                      setProducts(next);
                    }}
                  />
                  <label
                    htmlFor={`near-${p.code}`}
                    className="utrecht-form-label utrecht-form-label--checkbox"
                    lang="nl"
                  >
                    {p.name}
                  </label>
                </div>
              ))}
            </ChoiceGroup>
          </>
        )}
      </SubscribeForm>
      <SubscribeForm
        topic="REMINDERS"
        language={language}
        heading={intl.formatMessage({
          id: 'notifications.reminders',
          defaultMessage: 'Herinnering voor uw reisdocument',
          description: 'Heading',
        })}
        intro={
          <>
            <FormattedMessage
              id="notifications.reminders.intro"
              defaultMessage="We sturen u een herinnering {weeks} weken voordat uw paspoort of identiteitskaart verloopt."
              description="What the reminder subscription sends"
              values={{
                weeks: intl.formatList(settings.travelDocumentReminderWeeks.map(String), {
                  type: 'conjunction',
                }),
              }}
            />
            {SPACE}
            {data.me.person?.travelDocuments?.map((d) => (
              <span key={d.number} className="loket-reminder-document">
                <FormattedMessage
                  id="notifications.reminders.document"
                  defaultMessage="Uw document {number} verloopt op {date}."
                  description="A travel document's expiry, next to the reminder form"
                  values={{ number: d.number, date: <DateText value={d.expiresOn} /> }}
                />
                {SPACE}
              </span>
            ))}
          </>
        }
      />
    </>
  );
}
