import { database } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/demo';
import { lrsConfig, startOutbox } from '$lib/server/xapi/outbox';

/** Migrations on every start; demo accounts only on an empty embedded database; xAPI delivery when an LRS is configured. */
export async function startup() {
	const connection = database();
	await connection.migrate();
	if (connection.kind === 'pglite' && process.env.DEMO_SEED !== 'off') await seedDemoIfEmpty();
	const lrs = lrsConfig();
	if (lrs) startOutbox(lrs);
}
