// xAPI 1.0.3 statements for what learners do. Verbs are ADL's; activity types are ADL's and
// cmi5's published vocabulary. The actor is an account on this site, so no e-mail leaves it.
import type { Transaction } from '$lib/server/db';
import { xapiStatement } from '$lib/server/db/schema';

export const verbs = {
	completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
	answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
	passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
	failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
	responded: { id: 'http://adlnet.gov/expapi/verbs/responded', display: { 'en-US': 'responded' } }
} as const;

export const activityTypes = {
	lesson: 'http://adlnet.gov/expapi/activities/lesson',
	assessment: 'http://adlnet.gov/expapi/activities/assessment',
	interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
	simulation: 'http://adlnet.gov/expapi/activities/simulation'
} as const;

const base = () => (process.env.ORIGIN || 'http://localhost:3000').replace(/\/$/, '');
export const activityId = (path: string) => `${base()}${path}`;

type Verb = (typeof verbs)[keyof typeof verbs];
type Activity = { path: string; type: string; name: string; extra?: Record<string, unknown> };
type Result = { success?: boolean; completion?: boolean; response?: string; score?: { scaled: number; raw?: number; min?: number; max?: number } };

export function statement(userId: string, verb: Verb, activity: Activity, options: { result?: Result; parent?: Activity; registration?: string } = {}) {
	const { result, parent, registration } = options;
	return {
		id: crypto.randomUUID(),
		actor: { objectType: 'Agent', account: { homePage: base(), name: userId } },
		verb,
		object: {
			objectType: 'Activity',
			id: activityId(activity.path),
			definition: { type: activity.type, name: { 'en-US': activity.name }, ...activity.extra }
		},
		...(result ? { result } : {}),
		context: {
			platform: 'Rehearse',
			language: 'en-US',
			...(registration ? { registration } : {}),
			...(parent ? { contextActivities: { parent: [{ objectType: 'Activity', id: activityId(parent.path), definition: { type: parent.type, name: { 'en-US': parent.name } } }] } } : {})
		},
		timestamp: new Date().toISOString(),
		version: '1.0.3'
	};
}

export type Statement = ReturnType<typeof statement>;

/** Stores statements in the caller's transaction, so a record exists exactly when what it records does. */
export async function record(tx: Transaction, userId: string, statements: Statement[]) {
	if (statements.length) await tx.insert(xapiStatement).values(statements.map((s) => ({ id: s.id, userId, statement: s })));
}
