import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { db, type Database, type Transaction } from '$lib/server/db';
import { selfCheckSubmission } from '$lib/server/db/schema';
import { lessonBySlug, lessonIn, selfCheckBySlug, selfCheckIn, selfChecksFor } from '$lib/server/content';
import { translate, type Locale } from '$lib/i18n';
import { activityTypes, lessonActivity, record, stableId, statement, verbs } from '$lib/server/xapi/statements';
import { evaluate, trendValue, type Result } from '$lib/selfcheck/score';
import type { FormDefinition } from '$lib/selfcheck/definition';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => typeof s === 'string' && UUID.test(s);

/** The English definition: the reference every submission is checked and scored against. */
export const findForm = (slug: string) => selfCheckBySlug.get(slug);

/**
 * A form as the reader sees it: the English structure (same ids, kinds, scores and bands) in
 * the words of `locale`, so answers checked against English map one to one onto it.
 */
export const formsIn = (locale: Locale) => selfChecksFor(locale);
export const formIn = (locale: Locale, form: FormDefinition) => selfCheckIn(locale, form.slug) ?? form;

/**
 * The learner's own score, when the form gives one: the calculator gives a value, not a score,
 * and an observer's checklist scores the salesperson watched, not the observer filling it in.
 */
function ownScore(form: FormDefinition, result: Result) {
	if (form.audience === 'observer' || result.kind === 'hour-value') return undefined;
	if (result.kind === 'daily-plan')
		return { scaled: result.percent / 100, raw: result.covered.length, min: 0, max: result.covered.length + result.missing.length };
	return result.max > 0 ? { scaled: result.percent / 100, raw: result.points, min: 0, max: result.max } : undefined;
}

/** `completed` for a stored submission, with its time and an id taken from its row. */
function submissionStatement(userId: string, form: FormDefinition, result: Result, row: { id: string; createdAt: Date }) {
	const lesson = lessonBySlug.get(form.lesson);
	const score = ownScore(form, result);
	return statement(
		userId,
		verbs.completed,
		{ path: `/self-checks/${form.slug}`, type: activityTypes.assessment, name: form.title },
		{
			id: stableId(`self-check-submission/${row.id}`),
			timestamp: row.createdAt,
			parent: lesson && lessonActivity(lesson),
			result: { completion: true, ...(score ? { score } : {}) }
		}
	);
}

/**
 * Scores a submission on the server and stores it with its xAPI statement. Bad input stores
 * nothing and answers one message per field. The same `key` twice (a double click, a resent
 * POST) gives the first row back and records nothing more.
 */
export async function submitSelfCheck(userId: string, form: FormDefinition, fields: Record<string, string>, key: string, executor: Database | Transaction = db) {
	const evaluated = evaluate(form, fields);
	if (!evaluated.ok) return evaluated;
	const { answers, result } = evaluated.submission;
	const submissionKey = isUuid(key) ? key : crypto.randomUUID();
	// A transaction of its own, or a savepoint in the caller's: the row and its statement land together.
	return executor.transaction(async (tx) => {
		const [created] = await tx
			.insert(selfCheckSubmission)
			.values({ userId, form: form.slug, key: submissionKey, answers, result, value: trendValue(result), band: result.band })
			.onConflictDoNothing()
			.returning({ id: selfCheckSubmission.id, createdAt: selfCheckSubmission.createdAt });
		if (created) {
			await record(tx, userId, [submissionStatement(userId, form, result, created)]);
			return { ok: true as const, id: created.id };
		}
		const [existing] = await tx
			.select({ id: selfCheckSubmission.id })
			.from(selfCheckSubmission)
			.where(and(eq(selfCheckSubmission.userId, userId), eq(selfCheckSubmission.key, submissionKey)));
		return { ok: true as const, id: existing.id };
	});
}

const summaryColumns = {
	id: selfCheckSubmission.id,
	value: selfCheckSubmission.value,
	band: selfCheckSubmission.band,
	result: selfCheckSubmission.result,
	createdAt: selfCheckSubmission.createdAt
};

/** A learner's submissions of one form, oldest first (the order a trend is read in). */
export const listSubmissions = (userId: string, form: string) =>
	db
		.select(summaryColumns)
		.from(selfCheckSubmission)
		.where(and(eq(selfCheckSubmission.userId, userId), eq(selfCheckSubmission.form, form)))
		.orderBy(asc(selfCheckSubmission.createdAt), asc(selfCheckSubmission.id));

/** One submission of this learner's, or undefined: another user's looks exactly like a missing one. */
export async function getSubmission(userId: string, form: string, id: string) {
	if (!isUuid(id)) return undefined;
	const [row] = await db
		.select()
		.from(selfCheckSubmission)
		.where(and(eq(selfCheckSubmission.id, id), eq(selfCheckSubmission.userId, userId), eq(selfCheckSubmission.form, form)));
	return row;
}

/** Several of this learner's submissions of one form by id; ids that are not theirs are left out. */
export async function getSubmissions(userId: string, form: string, ids: string[]) {
	const valid = ids.filter(isUuid);
	if (!valid.length) return [];
	return db
		.select()
		.from(selfCheckSubmission)
		.where(and(eq(selfCheckSubmission.userId, userId), eq(selfCheckSubmission.form, form), inArray(selfCheckSubmission.id, valid)));
}

/** For the catalogue: per form, how many times this learner took it and their latest result. */
export async function latestByForm(userId: string) {
	const [latest, counts] = await Promise.all([
		db
			.selectDistinctOn([selfCheckSubmission.form], {
				form: selfCheckSubmission.form,
				id: selfCheckSubmission.id,
				value: selfCheckSubmission.value,
				band: selfCheckSubmission.band,
				createdAt: selfCheckSubmission.createdAt
			})
			.from(selfCheckSubmission)
			.where(eq(selfCheckSubmission.userId, userId))
			.orderBy(selfCheckSubmission.form, desc(selfCheckSubmission.createdAt)),
		db
			.select({ form: selfCheckSubmission.form, taken: count() })
			.from(selfCheckSubmission)
			.where(eq(selfCheckSubmission.userId, userId))
			.groupBy(selfCheckSubmission.form)
	]);
	const taken = new Map(counts.map((c) => [c.form, c.taken]));
	return new Map(latest.map((row) => [row.form, { ...row, taken: taken.get(row.form) ?? 0 }]));
}

/** "Lesson title: section title" for each `slug#anchor` in the reader's language, so links say where they lead. */
export function lessonTitles(refs: string[], locale: Locale) {
	const titles: Record<string, string> = {};
	for (const ref of new Set(refs)) {
		const [slug, anchor] = ref.split('#');
		const lesson = lessonIn(locale, slug);
		if (!lesson) continue;
		const section = lesson.sections.flatMap((s) => [s, ...s.subsections]).find((s) => s.id === anchor);
		titles[ref] = section ? translate(locale, 'selfCheck.rec.lessonSection', { lesson: lesson.title, section: section.title }) : lesson.title;
	}
	return titles;
}
