import { asc, eq } from 'drizzle-orm';
import { toCsv } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { cohortMember, simulationAttempt, user } from '$lib/server/db/schema';
import { cohortAccess } from '../access';

/** Every role-play attempt of the cohort's trainees, with the score the server computed. */
export async function GET(event) {
	const { cohort } = await cohortAccess(event);
	const rows = await db
		.select({ name: user.name, email: user.email, attempt: simulationAttempt })
		.from(simulationAttempt)
		.innerJoin(cohortMember, eq(cohortMember.userId, simulationAttempt.userId))
		.innerJoin(user, eq(user.id, simulationAttempt.userId))
		.where(eq(cohortMember.cohortId, cohort.id))
		.orderBy(asc(user.name), asc(simulationAttempt.startedAt));
	const header = ['Trainee', 'E-mail', 'Role-play', 'Mode', 'Started', 'Finished', 'Outcome', 'Score (%)', 'Passed', 'Points per skill', 'Reflection'];
	const body = rows.map(({ name, email, attempt: a }) => [
		name,
		email,
		a.scenario,
		a.mode,
		a.startedAt.toISOString(),
		a.finishedAt?.toISOString() ?? '',
		a.outcome ?? 'in progress',
		a.percent ?? '',
		a.passed === null ? '' : a.passed ? 'yes' : 'no',
		Object.entries(a.scores).map(([skill, points]) => `${skill} ${points}`).join('; '),
		a.reflection ?? ''
	]);
	return new Response(toCsv([header, ...body]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="cohort-attempts.csv"',
			'cache-control': 'no-store'
		}
	});
}
