// Small formatting helpers shared by screens. Texts a resident reads belong in the message
// catalogues; these only put data together.

/** A space between inline elements (the catalogue rule allows no literal text in JSX). */
export const SPACE = ' ';

export interface AddressParts {
  street: string;
  houseNumber: number;
  letter?: string | null;
  addition?: string | null;
  postcode?: string;
  city?: string;
}

/** `Dorpsstraat 12A-2`, with `, 1234 AB Ergenshuizen` when the postcode and city are given. */
export function formatAddress(a: AddressParts): string {
  const number = `${a.houseNumber}${a.letter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
  const street = `${a.street} ${number}`;
  return a.postcode && a.city ? `${street}, ${a.postcode} ${a.city}` : street;
}

/** Separates data on one line, such as a date, a channel and a topic. */
export const SEPARATOR = ' · ';

/** The given parts that have a value, on one line with `SEPARATOR` between them. */
export function joined(parts: readonly (string | number | null | undefined | false)[]): string {
  return parts
    .filter((p) => p !== null && p !== undefined && p !== false && p !== '')
    .join(SEPARATOR);
}
