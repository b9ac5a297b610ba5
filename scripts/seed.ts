// Adds the demo accounts listed in the README to the configured database. `npm start` does this
// by itself on an empty embedded database; on DATABASE_URL only this explicit command does.
import { closeDatabase, database } from '$lib/server/db';
import { demoAccounts, seedDemo } from '$lib/server/demo';

await database().migrate();
await seedDemo();
await closeDatabase();
console.log(`Demo accounts present: ${demoAccounts.map((a) => a.email).join(', ')}`);
