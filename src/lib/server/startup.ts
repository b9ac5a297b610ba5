import { database } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/demo';
import { lrsConfig, startOutbox } from '$lib/server/xapi/outbox';

/** Migrations on every start; demo accounts on an empty embedded database (or any empty one with DEMO_SEED=on); xAPI delivery when an LRS is configured. */
export async function startup() {
	const connection = database();
	await connection.migrate();
	const demo = process.env.DEMO_SEED ?? (connection.kind === 'pglite' ? 'on' : 'off');
	if (demo === 'on') await seedDemoIfEmpty();
	const lrs = lrsConfig();
	if (lrs) startOutbox(lrs);
}
