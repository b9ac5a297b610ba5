import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { scoreCheck } from '$lib/knowledge-check';
import { translate, type Locale } from '$lib/i18n';
import { lessonBySlug, lessons, lessonsFor } from '$lib/server/content';
import type { Lesson } from '$lib/server/content/lessons';
import { db, prepared, type Transaction } from '$lib/server/db';
import { checkAttempt, lessonProgress, sectionRead } from '$lib/server/db/schema';
import { activityTypes, lessonActivity, record, statement, verbs } from '$lib/server/xapi/statements';

/** Marks the module done the first time every section is read and a check has passed. */
async function completeIfDone(tx: Transaction, userId: string, lesson: Lesson) {
	const [{ read }] = await tx
		.select({ read: sql<number>`count(*)::int` })
		.from(sectionRead)
		.where(and(eq(sectionRead.userId, userId), eq(sectionRead.lesson, lesson.slug)));
	const [passed] = await tx
		.select({ id: checkAttempt.id })
		.from(checkAttempt)
		.where(and(eq(checkAttempt.userId, userId), eq(checkAttempt.lesson, lesson.slug), eq(checkAttempt.passed, true)))
		.limit(1);
	if (read < lesson.sections.length || !passed) return;
	const newly = await tx
		.update(lessonProgress)
		.set({ completedAt: sql`now()` })
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lesson, lesson.slug), isNull(lessonProgress.completedAt)))
		.returning({ lesson: lessonProgress.lesson });
	if (newly.length)
		await record(tx, userId, [statement(userId, verbs.completed, lessonActivity(lesson), { result: { completion: true } })]);
}

/** One `answered` per question (a choice interaction) and `passed` or `failed` for the check. */
function checkStatements(userId: string, lesson: Lesson, answers: Record<string, string[]>, score: ReturnType<typeof scoreCheck>) {
	const check = { path: `/lessons/${lesson.slug}/check`, type: activityTypes.assessment, name: `Knowledge check: ${lesson.title}` };
	const registration = crypto.randomUUID();
	return [
		...lesson.questions.map((q, i) =>
			statement(
				userId,
				verbs.answered,
				{
					path: `/lessons/${lesson.slug}/check#${q.id}`,
					type: activityTypes.interaction,
					name: q.prompt,
					extra: {
						interactionType: 'choice',
						correctResponsesPattern: [q.options.filter((o) => o.correct).map((o) => o.id).join('[,]')],
						choices: q.options.map((o) => ({ id: o.id, description: { 'en-US': o.text } }))
					}
				},
				{ result: { success: score.results[i].correct, response: (answers[q.id] ?? []).join('[,]') }, parent: check, registration }
			)
		),
		statement(userId, score.passed ? verbs.passed : verbs.failed, check, {
			result: {
				success: score.passed,
				completion: true,
				score: { scaled: score.correct / score.total, raw: score.correct, min: 0, max: score.total }
			},
			parent: lessonActivity(lesson),
			registration
		})
	];
}

async function touch(tx: Transaction, userId: string, lesson: string, lastSection?: string) {
	await tx
		.insert(lessonProgress)
		.values({ userId, lesson, lastSection })
		.onConflictDoUpdate({
			target: [lessonProgress.userId, lessonProgress.lesson],
			set: { updatedAt: sql`now()`, ...(lastSection ? { lastSection } : {}) }
		});
}

/** False when the lesson or section does not exist. Marking twice changes nothing. */
export async function markSectionRead(userId: string, slug: string, section: string) {
	const lesson = lessonBySlug.get(slug);
	if (!lesson?.sections.some((s) => s.id === section)) return false;
	await db.transaction(async (tx) => {
		await tx.insert(sectionRead).values({ userId, lesson: slug, section }).onConflictDoNothing();
		await touch(tx, userId, slug, section);
		await completeIfDone(tx, userId, lesson);
	});
	return true;
}

/** Scores the answers against the content (never against anything the client sent) and keeps the attempt. */
export async function submitCheck(userId: string, lesson: Lesson, answers: Record<string, string[]>) {
	const score = scoreCheck(lesson.questions, answers);
	const attempt = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(checkAttempt)
			.values({ userId, lesson: lesson.slug, answers, correct: score.correct, total: score.total, passed: score.passed })
			.returning();
		await touch(tx, userId, lesson.slug);
		await record(tx, userId, checkStatements(userId, lesson, answers, score));
		await completeIfDone(tx, userId, lesson);
		return row;
	});
	return { attempt, results: score.results };
}

/** A learner's knowledge-check attempts, newest first: for one lesson, or for all. */
export async function checkAttempts(userId: string, lesson?: string) {
	return db
		.select({
			id: checkAttempt.id,
			lesson: checkAttempt.lesson,
			correct: checkAttempt.correct,
			total: checkAttempt.total,
			passed: checkAttempt.passed,
			createdAt: checkAttempt.createdAt
		})
		.from(checkAttempt)
		.where(and(eq(checkAttempt.userId, userId), lesson ? eq(checkAttempt.lesson, lesson) : undefined))
		.orderBy(desc(checkAttempt.createdAt));
}

export type LessonProgress = {
	read: string[];
	passed: boolean;
	completed: boolean;
	lastSection: string | null;
	updatedAt: Date | null;
};

// The learner's rows for the lesson, both given when the query runs.
const mine = (table: typeof lessonProgress | typeof sectionRead | typeof checkAttempt) =>
	and(eq(table.userId, sql.placeholder('userId')), eq(table.lesson, sql.placeholder('slug')));
const lessonProgressQuery = prepared('lesson_progress', (db) =>
	db
		.select({
			read: sql<string[]>`array(select ${sectionRead.section} from ${sectionRead} where ${mine(sectionRead)})`,
			passed: sql<boolean>`exists(select 1 from ${checkAttempt} where ${mine(checkAttempt)} and ${checkAttempt.passed})`,
			completed: sql<boolean>`exists(select 1 from ${lessonProgress} where ${mine(lessonProgress)} and ${lessonProgress.completedAt} is not null)`,
			lastSection: sql<string | null>`(select ${lessonProgress.lastSection} from ${lessonProgress} where ${mine(lessonProgress)})`
		})
		.from(sql`(select 1) as one`)
);

/** Progress in one lesson, in one query: the lesson page is the most read page and asks for no more. */
export async function progressIn(userId: string, slug: string): Promise<Omit<LessonProgress, 'updatedAt'> | null> {
	const lesson = lessonBySlug.get(slug);
	if (!lesson) return null;
	const [row] = await lessonProgressQuery().execute({ userId, slug });
	const sections = new Set(lesson.sections.map((s) => s.id));
	return {
		read: row.read.filter((section) => sections.has(section)),
		passed: Boolean(row.passed),
		completed: Boolean(row.completed),
		lastSection: row.lastSection
	};
}

// The home page's, on every visit.
const allProgress = prepared('all_progress', (db) => db.select().from(lessonProgress).where(eq(lessonProgress.userId, sql.placeholder('userId'))));
const allReads = prepared('all_reads', (db) =>
	db
		.select({ lesson: sectionRead.lesson, section: sectionRead.section })
		.from(sectionRead)
		.where(eq(sectionRead.userId, sql.placeholder('userId')))
);
const allPasses = prepared('all_passes', (db) =>
	db
		.selectDistinct({ lesson: checkAttempt.lesson })
		.from(checkAttempt)
		.where(and(eq(checkAttempt.userId, sql.placeholder('userId')), eq(checkAttempt.passed, true)))
);

/** Progress in every lesson for one learner, in three queries whatever the number of lessons. */
export async function progressByLesson(userId: string): Promise<Map<string, LessonProgress>> {
	const [rows, reads, passes] = await Promise.all([allProgress().execute({ userId }), allReads().execute({ userId }), allPasses().execute({ userId })]);
	const passed = new Set(passes.map((p) => p.lesson));
	const progress = new Map<string, LessonProgress>();
	for (const lesson of lessons) {
		const row = rows.find((r) => r.lesson === lesson.slug);
		const sections = new Set(lesson.sections.map((s) => s.id));
		progress.set(lesson.slug, {
			read: reads.filter((r) => r.lesson === lesson.slug && sections.has(r.section)).map((r) => r.section),
			passed: passed.has(lesson.slug),
			completed: Boolean(row?.completedAt),
			lastSection: row?.lastSection ?? null,
			updatedAt: row?.updatedAt ?? null
		});
	}
	return progress;
}

/** The lesson to continue: the one touched last and not yet complete, at its first unread section. */
export function continueFrom(progress: Map<string, LessonProgress>, locale: Locale = 'en') {
	const open = lessonsFor(locale)
		.map((lesson) => ({ lesson, progress: progress.get(lesson.slug)! }))
		.filter(({ progress }) => progress.updatedAt && !progress.completed)
		.sort((a, b) => b.progress.updatedAt!.getTime() - a.progress.updatedAt!.getTime())[0];
	if (!open) return null;
	const next = open.lesson.sections.find((s) => !open.progress.read.includes(s.id));
	return {
		slug: open.lesson.slug,
		title: open.lesson.title,
		href: next ? `/lessons/${open.lesson.slug}#${next.id}` : `/lessons/${open.lesson.slug}/check`,
		next: next ? next.title : translate(locale, 'lesson.check')
	};
}
