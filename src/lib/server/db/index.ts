import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { SQL } from 'drizzle-orm';
import { pgliteThread } from './pglite-thread';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

type Connection = {
	kind: 'postgres' | 'pglite';
	db: Database;
	migrate(): Promise<void>;
	/** Waits up to `graceSeconds` for queries under way, then drops the connections. */
	close(graceSeconds?: number): Promise<void>;
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
		// drizzle sends its queries unprepared, so PostgreSQL plans each one on every run (0.5 to
		// 1 ms for a join, more than running it). Prepared, a connection plans a query text once.
		// DATABASE_PREPARE=off behind a pooler that cannot keep prepared statements (PgBouncer in
		// transaction mode before 1.21).
		if (process.env.DATABASE_PREPARE !== 'off') {
			const unsafe = client.unsafe.bind(client);
			client.unsafe = ((query: string, args?: unknown[], options?: object) =>
				unsafe(query, args as never, { ...options, prepare: Boolean(args?.length) })) as typeof client.unsafe;
		}
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
			close: (graceSeconds = 5) => client.end({ timeout: graceSeconds })
		};
	}
	// On a thread of its own (pglite-thread.ts); drizzle's driver takes it for a PGlite.
	const client = pgliteThread(process.env.PGLITE_DIR || 'data/pglite');
	const db = drizzlePglite(client as PGlite, { schema, logger });
	return {
		kind: 'pglite',
		// Both drivers expose the same query builder; one type keeps services driver-agnostic.
		db: db as unknown as Database,
		migrate: () => migratePglite(db, { migrationsFolder }),
		close: () => client.close()
	};
}

let connection: Connection | undefined;
let shutDown = false;

/** The connection is opened on first use, so building the app never opens a database. */
export function database(): Connection {
	// After shutdown, a request still running must not open a new pool: its idle connections
	// would keep the process alive. It gets the same error as a closed pool (a 503).
	if (shutDown) throw Object.assign(new Error('The database connection was closed for shutdown.'), { code: 'CONNECTION_ENDED' });
	return (connection ??= connect());
}

export const db: Database = new Proxy({} as Database, {
	get: (_, property) => Reflect.get(database().db, property)
});

/**
 * Closes the connection; scripts and tests may open it again, a server shutting down (`final`)
 * may not. At shutdown every request has been answered (adapter-node waits for them), so what
 * still runs belongs to a client that has gone: the pool is dropped at once. With a grace
 * period, postgres.js (3.4.9) reopens connections for queries still queued when it finishes,
 * and those keep the process alive after SIGTERM.
 */
export async function closeDatabase({ final = false } = {}) {
	if (final) shutDown = true;
	await connection?.close(final ? 0 : undefined);
	connection = undefined;
}

/**
 * A query built once per connection and then only run: drizzle's query building (column
 * selection, entity checks) costs more than running a short indexed query. `build` gets the
 * open connection's `db`; what changes between runs is an `sql.placeholder` (drizzle's bound
 * parameter), given by name to `execute`.
 */
export function prepared<P>(name: string, build: (db: Database) => { prepare(name: string): P }): () => P {
	const built = new WeakMap<Database, P>();
	return () => {
		const current = database().db;
		let query = built.get(current);
		if (!query) built.set(current, (query = build(current).prepare(name)));
		return query;
	};
}

export { schema };

/** Rows of a raw `db.execute`: postgres.js answers an array, PGlite an object with `rows`. */
export async function rawRows<T>(query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}
