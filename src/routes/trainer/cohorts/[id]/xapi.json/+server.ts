import { json } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { cohortMember, xapiStatement } from '$lib/server/db/schema';
import { cohortAccess } from '../access';

/** Every xAPI statement of the cohort's trainees, oldest first, as the xAPI statements array. */
export async function GET(event) {
	const { cohort } = await cohortAccess(event);
	const rows = await db
		.select({ statement: xapiStatement.statement })
		.from(xapiStatement)
		.innerJoin(cohortMember, eq(cohortMember.userId, xapiStatement.userId))
		.where(eq(cohortMember.cohortId, cohort.id))
		.orderBy(asc(xapiStatement.storedAt));
	return json(
		{ statements: rows.map((r) => r.statement) },
		{ headers: { 'content-disposition': 'attachment; filename="cohort-xapi.json"', 'cache-control': 'no-store' } }
	);
}
