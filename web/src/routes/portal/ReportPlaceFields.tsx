// Where a report is, without a map: an address by postcode and house number (the public
// `address` query), or the resident's own position from the browser. What was chosen is
// said in words.
import { Button, RadioButton, Textbox } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient } from 'urql';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { formatAddress } from '../../format';
import { graphql } from '../../gql';

const ReportAddressQuery = graphql(`
  query ReportAddress($postcode: String!, $houseNumber: Int!) {
    address(postcode: $postcode, houseNumber: $houseNumber) {
      id
      street
      houseNumber
      letter
      addition
      postcode
      city
      latitude
      longitude
    }
  }
`);

/** A place chosen for a report. */
export type ChosenPlace =
  | { kind: 'address'; addressId: string; label: string; lat: number; lon: number }
  | { kind: 'point'; lat: number; lon: number; accuracy: number };

export const PLACE_MODES = ['address', 'here'] as const;
export type PlaceMode = (typeof PLACE_MODES)[number];

type Locating = 'idle' | 'busy' | 'denied' | 'unavailable';

export interface ReportPlaceFieldsProps {
  value: ChosenPlace | null;
  onChange: (place: ChosenPlace | null) => void;
  /** What is wrong with the place (none chosen, or outside the municipality). */
  error?: ReactNode;
}

/** The place, in words: the address, or the position with its accuracy. */
export function PlaceText({ place }: { place: ChosenPlace }) {
  const intl = useIntl();
  const degrees = (n: number) =>
    intl.formatNumber(n, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  switch (place.kind) {
    case 'address':
      return place.label;
    case 'point':
      return (
        <FormattedMessage
          id="reportPlace.point"
          defaultMessage="de plek waar u nu bent ({lat} noorderbreedte, {lon} oosterlengte, op ongeveer {accuracy} meter nauwkeurig)"
          description="A position from the browser, in words"
          values={{
            lat: degrees(place.lat),
            lon: degrees(place.lon),
            accuracy: Math.max(1, Math.round(place.accuracy)),
          }}
        />
      );
    default: {
      const unreachable: never = place;
      return unreachable;
    }
  }
}

/** Choose where the problem is: at an address, or where you stand. */
export function ReportPlaceFields({ value, onChange, error }: ReportPlaceFieldsProps) {
  const intl = useIntl();
  const client = useClient();
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const [mode, setMode] = useState<PlaceMode>(value?.kind === 'point' ? 'here' : 'address');
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [badPostcode, setBadPostcode] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const [locating, setLocating] = useState<Locating>('idle');

  async function lookUp() {
    const number = Number.parseInt(houseNumber, 10);
    const code = postcode.replace(/\s+/g, '').toUpperCase();
    setNotFound(false);
    if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(code) || !Number.isFinite(number)) {
      setBadPostcode(true);
      onChange(null);
      return;
    }
    setBadPostcode(false);
    const result = await client
      .query(ReportAddressQuery, { postcode: code, houseNumber: number })
      .toPromise();
    const found = result.data?.address;
    if (!found) {
      setNotFound(true);
      onChange(null);
      return;
    }
    onChange({
      kind: 'address',
      addressId: found.id,
      label: formatAddress(found),
      lat: found.latitude,
      lon: found.longitude,
    });
  }

  function locate() {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        onChange({
          kind: 'point',
          lat: position.coords.latitude,
          lon: position.coords.longitude,
          accuracy: position.coords.accuracy,
        });
      },
      (failure) => {
        setLocating(failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable');
        onChange(null);
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  function choose(next: PlaceMode) {
    setMode(next);
    setLocating('idle');
    onChange(null);
  }

  return (
    <ChoiceGroup
      legend={intl.formatMessage({
        id: 'reportPlace.legend',
        defaultMessage: 'Waar is het?',
        description: 'Legend of the place of a report',
      })}
      error={error}
      className="loket-report-place"
    >
      <div className="loket-choice">
        <RadioButton
          id="report-place-address"
          name="place"
          value="address"
          checked={mode === 'address'}
          onChange={() => choose('address')}
        />
        <label
          htmlFor="report-place-address"
          className="utrecht-form-label utrecht-form-label--radio"
        >
          <FormattedMessage
            id="reportPlace.address"
            defaultMessage="Bij een adres (postcode en huisnummer)"
            description="Radio: place a report at an address"
          />
        </label>
      </div>
      {canLocate && (
        <div className="loket-choice">
          <RadioButton
            id="report-place-here"
            name="place"
            value="here"
            checked={mode === 'here'}
            onChange={() => choose('here')}
          />
          <label
            htmlFor="report-place-here"
            className="utrecht-form-label utrecht-form-label--radio"
          >
            <FormattedMessage
              id="reportPlace.here"
              defaultMessage="Op de plek waar ik nu ben"
              description="Radio: place a report at the resident's current position"
            />
          </label>
        </div>
      )}
      {mode === 'address' ? (
        <div className="loket-address-lookup">
          <Field
            label={intl.formatMessage({
              id: 'request.postcode',
              defaultMessage: 'Postcode',
              description: 'Label',
            })}
            error={
              badPostcode && (
                <FormattedMessage
                  id="request.error.postcode"
                  defaultMessage="Vul een postcode in zoals 1234 AB en een huisnummer."
                  description="Error: postcode or house number not valid"
                />
              )
            }
          >
            {({ invalid, ...control }) => (
              <Textbox
                {...control}
                invalid={invalid}
                name="postcode"
                autoComplete="postal-code"
                value={postcode}
                onChange={(e) => setPostcode(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={intl.formatMessage({
              id: 'request.houseNumber',
              defaultMessage: 'Huisnummer',
              description: 'Label',
            })}
          >
            {({ invalid, ...control }) => (
              <Textbox
                {...control}
                invalid={invalid}
                name="huisnummer"
                inputMode="numeric"
                value={houseNumber}
                onChange={(e) => setHouseNumber(e.target.value)}
              />
            )}
          </Field>
          <Button type="button" appearance="secondary-action-button" onClick={() => void lookUp()}>
            <FormattedMessage
              id="request.lookUp"
              defaultMessage="Zoek adres"
              description="Button to look up an address"
            />
          </Button>
        </div>
      ) : (
        <div className="loket-address-lookup">
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={locating === 'busy'}
            aria-disabled={locating === 'busy' || undefined}
            onClick={() => {
              if (locating !== 'busy') locate();
            }}
          >
            <FormattedMessage
              id="reportPlace.locate"
              defaultMessage="Gebruik mijn huidige locatie"
              description="Button: ask the browser for the resident's position"
            />
          </Button>
        </div>
      )}
      <p role="status" className="loket-address-lookup__result">
        {value ? (
          <FormattedMessage
            id="reportPlace.chosen"
            defaultMessage="Gekozen: {place}"
            description="The place chosen for a report, in words"
            values={{ place: <PlaceText place={value} /> }}
          />
        ) : notFound && mode === 'address' ? (
          <FormattedMessage
            id="request.notFound"
            defaultMessage="We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen."
            description="Address look-up found nothing"
          />
        ) : locating === 'busy' ? (
          <FormattedMessage
            id="reportPlace.locating"
            defaultMessage="We vragen uw locatie op…"
            description="Waiting for the browser's position"
          />
        ) : locating === 'denied' ? (
          <FormattedMessage
            id="reportPlace.denied"
            defaultMessage="U hebt geen toestemming gegeven om uw locatie te gebruiken. Geef toestemming in uw browser, of kies een adres."
            description="The browser was not allowed to give the position"
          />
        ) : locating === 'unavailable' ? (
          <FormattedMessage
            id="reportPlace.unavailable"
            defaultMessage="We konden uw locatie niet bepalen. Probeer het nog eens, of kies een adres."
            description="The browser could not find the position"
          />
        ) : null}
      </p>
    </ChoiceGroup>
  );
}
