import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach } from 'vitest';
import { database, db, rawRows } from '$lib/server/db';

/** Migrates once per run and empties every table before each test. */
export function useDatabase() {
	beforeAll(async () => {
		await database().migrate();
	});
	beforeEach(async () => {
		const tables = await rawRows<{ name: string }>(
			sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`
		);
		const names = tables.map((t) => t.name).join(', ');
		if (names) await db.execute(sql.raw(`truncate ${names} restart identity cascade`));
	});
}
