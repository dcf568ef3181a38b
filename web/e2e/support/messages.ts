// The messages Loket sent, as the dispatcher stored them in `deliveries`: for links a message
// carries that the API never shows, such as the satisfaction question's code (only its hash is
// kept with the reporter).
import { DatabaseSync } from 'node:sqlite';

import pg from 'pg';

/** The text of the latest `kind` message whose text contains `containing`, if one was made. */
export async function sentMessage(
  databaseUrl: string,
  kind: string,
  containing: string,
): Promise<string | null> {
  const sql =
    'SELECT body FROM deliveries WHERE event_kind = $1 AND body LIKE $2 ORDER BY created_at DESC LIMIT 1';
  const like = `%${containing}%`;
  if (databaseUrl.startsWith('sqlite://')) {
    const db = new DatabaseSync(databaseUrl.slice('sqlite://'.length), { readOnly: true });
    try {
      db.exec('PRAGMA busy_timeout = 15000');
      const row = db.prepare(sql.replace(/\$\d/g, '?')).get(kind, like) as
        { body: string } | undefined;
      return row?.body ?? null;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ body: string }>(sql, [kind, like]);
    return result.rows[0]?.body ?? null;
  } finally {
    await client.end();
  }
}
