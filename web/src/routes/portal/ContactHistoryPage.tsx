import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { graphql } from '../../gql';
import type { ContactMomentChannel } from '../../gql/graphql';
import { usePageQuery } from '../../hooks/usePageQuery';

const ContactHistoryQuery = graphql(`
  query MyContacts {
    me {
      contactMoments(first: 50) {
        totalCount
        edges {
          node {
            id
            channel
            topicLabel
            question
            answer
            receivedAt
            resolvedFirstContact
            caseReference
          }
        }
      }
    }
  }
`);

function Channel({ channel }: { channel: ContactMomentChannel }) {
  switch (channel) {
    case 'PHONE':
      return (
        <FormattedMessage
          id="contact.channel.phone"
          defaultMessage="Telefoon"
          description="Contact channel"
        />
      );
    case 'EMAIL':
      return (
        <FormattedMessage
          id="contact.channel.email"
          defaultMessage="E-mail"
          description="Contact channel"
        />
      );
    case 'COUNTER':
      return (
        <FormattedMessage
          id="contact.channel.counter"
          defaultMessage="Balie"
          description="Contact channel"
        />
      );
    case 'WEB_FORM':
      return (
        <FormattedMessage
          id="contact.channel.webForm"
          defaultMessage="Formulier op de website"
          description="Contact channel"
        />
      );
    case 'CHAT':
      return (
        <FormattedMessage
          id="contact.channel.chat"
          defaultMessage="Chat"
          description="Contact channel"
        />
      );
    case 'LETTER':
      return (
        <FormattedMessage
          id="contact.channel.letter"
          defaultMessage="Brief"
          description="Contact channel"
        />
      );
    case 'SOCIAL_MEDIA':
      return (
        <FormattedMessage
          id="contact.channel.social"
          defaultMessage="Sociale media"
          description="Contact channel"
        />
      );
    default: {
      const unreachable: never = channel;
      return unreachable;
    }
  }
}

/** What the resident asked the municipality, on any channel, and what they were told. */
export function ContactHistoryPage() {
  const intl = useIntl();
  const { data } = usePageQuery({ query: ContactHistoryQuery, requestPolicy: 'cache-and-network' });
  const contacts = data?.me.contactMoments;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'contact.title',
          defaultMessage: 'Uw contact met de gemeente',
          description: 'Title of the contact history',
        })}
      </PageTitle>
      {!contacts ? (
        <Loading />
      ) : contacts.totalCount === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="contact.none"
            defaultMessage="Er is nog geen contact met u geregistreerd."
            description="Contact history is empty"
          />
        </Paragraph>
      ) : (
        <ul className="loket-contact-list">
          {contacts.edges.map(({ node }) => (
            <li key={node.id} className="loket-contact">
              <article aria-labelledby={`contact-${node.id}`}>
                <Heading2 id={`contact-${node.id}`} className="loket-contact__heading">
                  <span lang="nl">{node.topicLabel}</span>
                </Heading2>
                <dl className="loket-facts">
                  <div className="loket-facts__item">
                    <dt>
                      <FormattedMessage
                        id="contact.when"
                        defaultMessage="Wanneer"
                        description="Label"
                      />
                    </dt>
                    <dd>
                      <DateText value={node.receivedAt} kind="datetime" />
                    </dd>
                  </div>
                  <div className="loket-facts__item">
                    <dt>
                      <FormattedMessage id="contact.how" defaultMessage="Hoe" description="Label" />
                    </dt>
                    <dd>
                      <Channel channel={node.channel} />
                    </dd>
                  </div>
                  <div className="loket-facts__item">
                    <dt>
                      <FormattedMessage
                        id="contact.question"
                        defaultMessage="Uw vraag"
                        description="Label"
                      />
                    </dt>
                    <dd lang="nl">{node.question}</dd>
                  </div>
                  {node.answer && (
                    <div className="loket-facts__item">
                      <dt>
                        <FormattedMessage
                          id="contact.answer"
                          defaultMessage="Ons antwoord"
                          description="Label"
                        />
                      </dt>
                      <dd lang="nl">{node.answer}</dd>
                    </div>
                  )}
                  {node.caseReference && (
                    <div className="loket-facts__item">
                      <dt>
                        <FormattedMessage
                          id="contact.case"
                          defaultMessage="Over zaak"
                          description="Label"
                        />
                      </dt>
                      <dd>{node.caseReference}</dd>
                    </div>
                  )}
                </dl>
                {!node.resolvedFirstContact && (
                  <Paragraph className="loket-contact__open">
                    <FormattedMessage
                      id="contact.handedOn"
                      defaultMessage="Deze vraag is doorgegeven. U hoort van ons."
                      description="The question was handed on to the back office"
                    />
                  </Paragraph>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
