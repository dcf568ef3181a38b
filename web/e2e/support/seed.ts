// Rows the API cannot make, written straight into the server's database: an appointment whose
// time has come (booking asks for one at least an hour ahead), for the counter to check in or
// to mark as a no-show. The row is what `loket`'s appointment store writes for a booking.
import { randomBytes, randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

import pg from 'pg';

export interface PastAppointment {
  /** The appointment's global id, as the API gives it. */
  id: string;
  reference: string;
}

/**
 * A booked appointment for `product` at `location` that started a minute ago (today in
 * Amsterdam), at a desk of its own (so it takes no one's time), in Enschede.
 */
export async function seedPastAppointment(
  databaseUrl: string,
  name: string,
  location = 'stadskantoor',
  product = 'uittreksel-brp',
): Promise<PastAppointment> {
  const now = new Date();
  const day = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const minuteAgo = new Date(now.getTime() - 60_000);
  const start = day(minuteAgo) === day(now) ? minuteAgo : now;
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 10 * 60_000);
  const created = new Date(now.getTime() - 3 * 86_400_000);
  const id = randomUUID();
  const reference = `A-E${randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}`;
  const row = {
    tenant_id: 'enschede',
    reference,
    cancel_code_hash: '0'.repeat(64),
    location,
    desk: `${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 50)}-desk`,
    products: product,
    persons: 1,
    contact_name: name,
    booked_by: 'anonymous',
    status: 'booked',
    fingerprint: '',
    version: 1,
  };
  const columns = [...Object.keys(row), 'id', 'starts_at', 'ends_at', 'created_at'];
  const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  if (databaseUrl.startsWith('sqlite://')) {
    const db = new DatabaseSync(databaseUrl.slice('sqlite://'.length));
    try {
      // The server and the other projects write too: wait for their turn.
      db.exec('PRAGMA busy_timeout = 15000');
      db.prepare(
        `INSERT INTO appointments (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ).run(
        ...Object.values(row),
        Buffer.from(id.replace(/-/g, ''), 'hex'),
        stamp(start),
        stamp(end),
        stamp(created),
      );
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO appointments (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        [...Object.values(row), id, start, end, created],
      );
    } finally {
      await client.end();
    }
  }
  return { id: Buffer.from(`Appointment:${id}`).toString('base64url'), reference };
}
