import { database } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/demo';

/** Migrations on every start; demo accounts only on an empty embedded database. */
export async function startup() {
	const connection = database();
	await connection.migrate();
	if (connection.kind === 'pglite' && process.env.DEMO_SEED !== 'off') await seedDemoIfEmpty();
}
