import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { answeringClient } from '../../test/client';
import { renderWithClient } from '../../test/render';
import { ReportPlaceFields, type ChosenPlace } from './ReportPlaceFields';

const address = {
  id: '0153200000012345',
  street: 'Oude Markt',
  houseNumber: 12,
  letter: null,
  addition: null,
  postcode: '7511GB',
  city: 'Enschede',
  latitude: 52.2192,
  longitude: 6.8961,
};

function Harness({ chosen }: { chosen: (ChosenPlace | null)[] }) {
  const [place, setPlace] = useState<ChosenPlace | null>(null);
  return (
    <ReportPlaceFields
      value={place}
      onChange={(p) => {
        chosen.push(p);
        setPlace(p);
      }}
    />
  );
}

function geolocation(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: answer },
  });
}

describe('ReportPlaceFields', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('finds an address by postcode and house number and says which', async () => {
    geolocation(() => undefined);
    const { client, asked } = answeringClient(() => ({ data: { address } }));
    const chosen: (ChosenPlace | null)[] = [];
    renderWithClient(<Harness chosen={chosen} />, client);
    await userEvent.type(screen.getByRole('textbox', { name: 'Postcode' }), '7511 gb');
    await userEvent.type(screen.getByRole('textbox', { name: 'Huisnummer' }), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Zoek adres' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Gekozen: Oude Markt 12, 7511GB Enschede',
    );
    expect(asked[0]?.variables).toEqual({ postcode: '7511GB', houseNumber: 12 });
    expect(chosen.at(-1)).toEqual({
      kind: 'address',
      addressId: '0153200000012345',
      label: 'Oude Markt 12, 7511GB Enschede',
      lat: 52.2192,
      lon: 6.8961,
    });
  });

  it('says so when the address does not exist, and asks a valid postcode first', async () => {
    const { client, asked } = answeringClient(() => ({ data: { address: null } }));
    renderWithClient(<Harness chosen={[]} />, client);
    await userEvent.type(screen.getByRole('textbox', { name: 'Postcode' }), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Zoek adres' }));
    expect(screen.getByRole('textbox', { name: 'Postcode' })).toHaveAccessibleDescription(
      'Vul een postcode in zoals 1234 AB en een huisnummer.',
    );
    expect(asked).toEqual([]);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Postcode' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Postcode' }), '7511GB');
    await userEvent.type(screen.getByRole('textbox', { name: 'Huisnummer' }), '999');
    await userEvent.click(screen.getByRole('button', { name: 'Zoek adres' }));
    expect(await screen.findByRole('status')).toHaveTextContent('We vinden dit adres niet.');
  });

  it('places it where the resident stands, in words, with how accurate that is', async () => {
    geolocation((ok) =>
      ok({
        coords: { latitude: 52.218534, longitude: 6.893512, accuracy: 12.4 },
      } as GeolocationPosition),
    );
    const { client } = answeringClient(() => ({ data: {} }));
    const chosen: (ChosenPlace | null)[] = [];
    renderWithClient(<Harness chosen={chosen} />, client);
    await userEvent.click(screen.getByRole('radio', { name: 'Op de plek waar ik nu ben' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gebruik mijn huidige locatie' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Gekozen: de plek waar u nu bent (52,21853 noorderbreedte, 6,89351 oosterlengte, op ongeveer 12 meter nauwkeurig)',
    );
    expect(chosen.at(-1)).toEqual({ kind: 'point', lat: 52.218534, lon: 6.893512, accuracy: 12.4 });
  });

  it('says what to do when the browser may not give the position', async () => {
    geolocation((_ok, fail) =>
      fail?.({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError),
    );
    const { client } = answeringClient(() => ({ data: {} }));
    renderWithClient(<Harness chosen={[]} />, client);
    await userEvent.click(screen.getByRole('radio', { name: 'Op de plek waar ik nu ben' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gebruik mijn huidige locatie' }));
    expect(screen.getByRole('status')).toHaveTextContent(/geen toestemming gegeven/);
  });

  it('offers no current location where the browser has none', () => {
    const { client } = answeringClient(() => ({ data: {} }));
    renderWithClient(<Harness chosen={[]} />, client);
    expect(screen.queryByRole('radio', { name: 'Op de plek waar ik nu ben' })).toBeNull();
  });
});
