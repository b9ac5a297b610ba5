// xAPI 1.0.3 statements for what learners do. Verbs are ADL's; activity types are ADL's and
// cmi5's published vocabulary. The actor is an account on this site, so no e-mail leaves it.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '$lib/server/db';
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
/** An extension key (an IRI) in this site's own namespace. */
export const extensionId = (name: string) => `${base()}/xapi/extensions/${name}`;

/** cmi5's mastery score: the scaled score a learner needed to pass. */
export const masteryScore = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

// Fixed once for this app: with it a name always maps to the same statement id.
const NAMESPACE = 'a29d3587-cb76-4c0d-9de8-2cfda8cf233a';

/**
 * A name-based (version 5) UUID. Statements about a stored row take their id from the row's
 * key, so writing them again (a retried request, a second tab) stores nothing new.
 */
export function stableId(name: string, namespace = NAMESPACE) {
	const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name).digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An ISO 8601 duration to the hundredth of a second, the precision xAPI keeps. */
export const duration = (ms: number) => `PT${(Math.max(0, ms) / 1000).toFixed(2).replace(/\.?0+$/, '')}S`;

type Verb = (typeof verbs)[keyof typeof verbs];
export type Activity = { path: string; type: string; name: string; extra?: Record<string, unknown> };

export const lessonActivity = (lesson: { slug: string; title: string }): Activity => ({ path: `/lessons/${lesson.slug}`, type: activityTypes.lesson, name: lesson.title });

type Result = {
	success?: boolean;
	completion?: boolean;
	response?: string;
	duration?: string;
	score?: { scaled: number; raw?: number; min?: number; max?: number };
	extensions?: Record<string, unknown>;
};
type Options = {
	result?: Result;
	parent?: Activity;
	registration?: string;
	/** From `stableId` when the statement describes a stored row; random otherwise. */
	id?: string;
	/** When it happened: the row's own time, not the time of writing. */
	timestamp?: Date;
	extensions?: Record<string, unknown>;
};

export function statement(userId: string, verb: Verb, activity: Activity, options: Options = {}) {
	const { result, parent, registration, extensions } = options;
	return {
		id: options.id ?? crypto.randomUUID(),
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
			...(extensions ? { extensions } : {}),
			...(parent ? { contextActivities: { parent: [{ objectType: 'Activity', id: activityId(parent.path), definition: { type: parent.type, name: { 'en-US': parent.name } } }] } } : {})
		},
		timestamp: (options.timestamp ?? new Date()).toISOString(),
		version: '1.0.3'
	};
}

export type Statement = ReturnType<typeof statement>;

/**
 * Stores statements in the caller's transaction, so a record exists exactly when what it records
 * does. A statement already stored under its id is left as it is: statements never change.
 */
export async function record(tx: Transaction, userId: string, statements: Statement[]) {
	if (statements.length) await recording(tx, userId, statements);
}

/** The insert of `statements` (one already stored, same id, is skipped), to await or to run after a WITH. */
export const recording = (tx: Transaction | Database, userId: string, statements: Statement[]) =>
	statements.length
		? tx
				.insert(xapiStatement)
				.values(statements.map((s) => ({ id: s.id, userId, statement: s })))
				.onConflictDoNothing({ target: xapiStatement.id })
		: sql`select 1`;
