import { useQuery } from 'urql';

import { graphql } from '../gql';

const AvailableDaysQuery = graphql(`
  query AvailableDays(
    $products: [String!]!
    $persons: Int!
    $location: String!
    $from: NaiveDate!
    $to: NaiveDate!
  ) {
    availableDays(products: $products, persons: $persons, location: $location, from: $from, to: $to)
  }
`);

const AvailableTimesQuery = graphql(`
  query AvailableTimes(
    $products: [String!]!
    $persons: Int!
    $location: String!
    $day: NaiveDate!
  ) {
    availableTimes(products: $products, persons: $persons, location: $location, day: $day) {
      start
      end
    }
  }
`);

/** How far ahead the days are asked for: the API gives at most 62 at once. */
export const DAYS_AHEAD = 61;

/** Today in the municipality's time zone, as `YYYY-MM-DD`. */
export function localDay(now: Date = new Date(), timeZone = 'Europe/Amsterdam'): string {
  return now.toLocaleDateString('sv-SE', { timeZone });
}

/** `day` plus `days`, as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface SlotsArgs {
  products: readonly string[];
  persons: number;
  location: string;
  /** The chosen day, or '' for none yet. */
  day: string;
}

/**
 * The days with a free time, and the free times of the chosen day, for an appointment for
 * `products` and `persons` at `location`. `refresh` asks again (after a time was taken).
 */
export function useAppointmentSlots({ products, persons, location, day }: SlotsArgs) {
  const from = localDay();
  const ready = products.length > 0 && location !== '';
  const [days, reexecuteDays] = useQuery({
    query: AvailableDaysQuery,
    variables: { products: [...products], persons, location, from, to: addDays(from, DAYS_AHEAD) },
    pause: !ready,
  });
  const [times, reexecuteTimes] = useQuery({
    query: AvailableTimesQuery,
    variables: { products: [...products], persons, location, day },
    pause: !ready || day === '',
  });
  return {
    days: ready ? days.data?.availableDays : [],
    daysError: days.error,
    times: ready && day !== '' ? times.data?.availableTimes : [],
    timesError: times.error,
    refresh: () => {
      reexecuteDays({ requestPolicy: 'network-only' });
      reexecuteTimes({ requestPolicy: 'network-only' });
    },
  };
}
