import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

type Connection = {
	kind: 'postgres' | 'pglite';
	db: Database;
	migrate(): Promise<void>;
	close(): Promise<void>;
};

const migrationsFolder = process.env.MIGRATIONS_DIR ?? 'drizzle';

// Statements as sent, for the benchmark that counts a report's queries and EXPLAINs them.
// Nothing listens in the app; the cost is one function call per query.
type QueryListener = (query: string, params: unknown[]) => void;
let queryListener: QueryListener | undefined;
export const onQuery = (listener?: QueryListener) => void (queryListener = listener);
const logger = { logQuery: (query: string, params: unknown[]) => queryListener?.(query, params) };

function connect(): Connection {
	const url = process.env.DATABASE_URL;
	if (url) {
		const client = postgres(url, {
			max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
			onnotice: () => {}
		});
		const db = drizzlePostgres(client, { schema, logger });
		return {
			kind: 'postgres',
			db,
			// Several instances may start at once: one migrates while the others wait on the lock.
			async migrate() {
				// One connection of its own, so the advisory lock and the migration share a session.
				const single = postgres(url, { max: 1, onnotice: () => {} });
				try {
					await single`select pg_advisory_lock(72736)`;
					await migratePostgres(drizzlePostgres(single), { migrationsFolder });
				} finally {
					await single.end({ timeout: 5 });
				}
			},
			close: () => client.end({ timeout: 5 })
		};
	}
	const client = new PGlite(process.env.PGLITE_DIR || 'data/pglite');
	const db = drizzlePglite(client, { schema, logger });
	return {
		kind: 'pglite',
		// Both drivers expose the same query builder; one type keeps services driver-agnostic.
		db: db as unknown as Database,
		migrate: () => migratePglite(db, { migrationsFolder }),
		close: () => client.close()
	};
}

let connection: Connection | undefined;

/** The connection is opened on first use, so building the app never opens a database. */
export function database(): Connection {
	return (connection ??= connect());
}

export const db: Database = new Proxy({} as Database, {
	get: (_, property) => Reflect.get(database().db, property)
});

export async function closeDatabase() {
	await connection?.close();
	connection = undefined;
}

export { schema };

/** Rows of a raw `db.execute`: postgres.js answers an array, PGlite an object with `rows`. */
export async function rawRows<T>(query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}
