import { describe, expect, it } from 'vitest';
import { lessonBySlug } from '$lib/server/content';
import { db } from '$lib/server/db';
import { checkAttempt, sectionRead } from '$lib/server/db/schema';
import { checkAttempts, continueFrom, markSectionRead, progressByLesson, progressIn, submitCheck } from '$lib/server/lessons';
import { createUser } from '$lib/server/users';
import { useDatabase } from './db';

useDatabase();

const lesson = lessonBySlug.get('time-management')!;
const rightAnswers = Object.fromEntries(lesson.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
const wrongAnswers = Object.fromEntries(lesson.questions.map((q) => [q.id, [q.options.find((o) => !o.correct)!.id]]));
const learner = (email: string) => createUser({ email, name: email, password: 'long enough pass' }).then((u) => u!);

describe('lesson progress', () => {
	it('marks a section read once, however often it is sent, and refuses unknown sections', async () => {
		const user = await learner('a@example.com');
		expect(await markSectionRead(user.id, lesson.slug, 'daily-plan')).toBe(true);
		expect(await markSectionRead(user.id, lesson.slug, 'daily-plan')).toBe(true);
		expect(await markSectionRead(user.id, lesson.slug, 'no-such-section')).toBe(false);
		expect(await markSectionRead(user.id, 'no-such-lesson', 'daily-plan')).toBe(false);
		expect(await db.select().from(sectionRead)).toHaveLength(1);
		expect((await progressByLesson(user.id)).get(lesson.slug)!.read).toEqual(['daily-plan']);
	});

	it('keeps each learner’s progress apart', async () => {
		const a = await learner('a@example.com');
		const b = await learner('b@example.com');
		await markSectionRead(a.id, lesson.slug, 'daily-plan');
		expect((await progressByLesson(b.id)).get(lesson.slug)!.read).toEqual([]);
		expect(await checkAttempts(b.id, lesson.slug)).toEqual([]);
	});

	it('completes a module only when every section is read and a check has passed', async () => {
		const user = await learner('a@example.com');
		const passed = await submitCheck(user.id, lesson, rightAnswers);
		expect(passed.attempt).toMatchObject({ correct: lesson.questions.length, passed: true });
		expect((await progressByLesson(user.id)).get(lesson.slug)!.completed).toBe(false);

		for (const section of lesson.sections.slice(0, -1)) await markSectionRead(user.id, lesson.slug, section.id);
		expect((await progressByLesson(user.id)).get(lesson.slug)!.completed).toBe(false);
		await markSectionRead(user.id, lesson.slug, lesson.sections.at(-1)!.id);
		expect((await progressByLesson(user.id)).get(lesson.slug)).toMatchObject({ completed: true, passed: true });
	});

	it('the lesson page’s one-query progress agrees with the all-lessons progress at every stage', async () => {
		const user = await learner('a@example.com');
		const other = await learner('b@example.com');
		const same = async () => {
			// Read sections are a set: compared in order of name.
			const { updatedAt: _, read, ...all } = (await progressByLesson(user.id)).get(lesson.slug)!;
			const one = (await progressIn(user.id, lesson.slug))!;
			expect({ ...one, read: one.read.toSorted() }).toEqual({ ...all, read: read.toSorted() });
		};
		await same();
		expect(await progressIn(user.id, lesson.slug)).toEqual({ read: [], passed: false, completed: false, lastSection: null });
		await markSectionRead(other.id, lesson.slug, 'daily-plan');
		await submitCheck(other.id, lesson, rightAnswers);
		await same();
		await markSectionRead(user.id, lesson.slug, 'daily-plan');
		await submitCheck(user.id, lesson, wrongAnswers);
		await same();
		await submitCheck(user.id, lesson, rightAnswers);
		for (const section of lesson.sections) await markSectionRead(user.id, lesson.slug, section.id);
		await same();
		expect(await progressIn(user.id, lesson.slug)).toMatchObject({ passed: true, completed: true });
		expect(await progressIn(user.id, 'no-such-lesson')).toBeNull();
	});

	it('scores checks on the server and keeps every attempt, newest first', async () => {
		const user = await learner('a@example.com');
		const failed = await submitCheck(user.id, lesson, wrongAnswers);
		expect(failed.attempt).toMatchObject({ correct: 0, passed: false });
		expect(failed.results.every((r) => !r.correct)).toBe(true);
		await submitCheck(user.id, lesson, rightAnswers);
		const attempts = await checkAttempts(user.id, lesson.slug);
		expect(attempts.map((a) => a.passed)).toEqual([true, false]);
		expect(await db.select().from(checkAttempt)).toHaveLength(2);
	});

	it('continues from the lesson touched last, at its first unread section', async () => {
		const user = await learner('a@example.com');
		expect(continueFrom(await progressByLesson(user.id))).toBeNull();
		await markSectionRead(user.id, 'customer-service', 'three-expectations');
		await new Promise((r) => setTimeout(r, 5));
		await markSectionRead(user.id, lesson.slug, lesson.sections[0].id);
		expect(continueFrom(await progressByLesson(user.id))).toMatchObject({
			slug: lesson.slug,
			href: `/lessons/${lesson.slug}#${lesson.sections[1].id}`
		});
	});
});
