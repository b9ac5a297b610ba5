// Generates a large training organisation in the configured database (DATABASE_URL, else the
// embedded one at PGLITE_DIR): trainees in cohorts of 200, 20 assignments per cohort, lesson
// progress and knowledge-check attempts. Usage: tsx tests/bench/generate.ts [trainees]
import { sql } from 'drizzle-orm';
import { hashPassword } from '$lib/server/auth/password';
import { lessons } from '$lib/server/content';
import { database, db } from '$lib/server/db';
import * as t from '$lib/server/db/schema';

export const benchTrainer = { email: 'bench-trainer@rehearse.test', password: 'bench-trainer-pass' };
export const benchTrainee = { email: 'bench-0@rehearse.test', password: 'bench-trainee-pass' };

async function insertMany<T extends Record<string, unknown>>(table: Parameters<typeof db.insert>[0], rows: T[], size = 1000) {
	for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}

export async function generate({ trainees = 2000, perCohort = 200, assignmentsPerCohort = 20 } = {}) {
	await database().migrate();
	const [traineeHash, trainerHash] = await Promise.all([hashPassword(benchTrainee.password), hashPassword(benchTrainer.password)]);
	const [trainer] = await db
		.insert(t.user)
		.values({ email: benchTrainer.email, name: 'Bench Trainer', passwordHash: trainerHash, role: 'trainer' })
		.returning({ id: t.user.id });
	const people = Array.from({ length: trainees }, (_, i) => ({
		email: `bench-${i}@rehearse.test`,
		name: `Trainee ${String(i).padStart(4, '0')}`,
		passwordHash: traineeHash,
		role: 'trainee' as const
	}));
	await insertMany(t.user, people);
	const ids = (await db.select({ id: t.user.id, email: t.user.email }).from(t.user).where(sql`${t.user.email} like 'bench-%' and ${t.user.role} = 'trainee'`))
		.sort((a, b) => Number(a.email.split(/[-@]/)[1]) - Number(b.email.split(/[-@]/)[1]))
		.map((u) => u.id);

	const cohorts: string[] = [];
	for (let c = 0; c * perCohort < trainees; c++) {
		const [cohort] = await db.insert(t.cohort).values({ name: `Bench cohort ${c + 1}` }).returning({ id: t.cohort.id });
		cohorts.push(cohort.id);
		await db.insert(t.cohortTrainer).values({ cohortId: cohort.id, userId: trainer.id });
		await insertMany(t.cohortMember, ids.slice(c * perCohort, (c + 1) * perCohort).map((userId) => ({ cohortId: cohort.id, userId })));
		await insertMany(
			t.assignment,
			Array.from({ length: assignmentsPerCohort }, (_, a) => ({
				cohortId: cohort.id,
				kind: 'lesson' as const,
				target: lessons[a % lessons.length].slug,
				dueAt: new Date(Date.now() + (a - 5) * 86_400_000)
			}))
		);
	}

	// Progress: each trainee has opened some lessons, read some sections and tried some checks.
	const progress: (typeof t.lessonProgress.$inferInsert)[] = [];
	const reads: (typeof t.sectionRead.$inferInsert)[] = [];
	const checks: (typeof t.checkAttempt.$inferInsert)[] = [];
	ids.forEach((userId, i) => {
		lessons.forEach((lesson, l) => {
			if ((i + l) % 3 === 0) return;
			const done = (i + l) % 3 === 1;
			progress.push({ userId, lesson: lesson.slug, lastSection: lesson.sections[0].id, completedAt: done ? new Date() : null });
			for (const section of lesson.sections.slice(0, done ? undefined : 2)) reads.push({ userId, lesson: lesson.slug, section: section.id });
			const total = lesson.questions.length;
			for (let k = 0; k < (done ? 2 : 1); k++) {
				const correct = done && k === 1 ? total : Math.max(0, total - 2 - ((i + k) % 3));
				checks.push({ userId, lesson: lesson.slug, answers: {}, correct, total, passed: correct >= 0.8 * total });
			}
		});
	});
	await insertMany(t.lessonProgress, progress);
	await insertMany(t.sectionRead, reads);
	await insertMany(t.checkAttempt, checks);
	return { trainerId: trainer.id, cohorts, trainees: ids.length, rows: { progress: progress.length, reads: reads.length, checks: checks.length } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const started = performance.now();
	const result = await generate({ trainees: Number(process.argv[2] ?? 2000) });
	console.log(`Generated ${result.trainees} trainees in ${result.cohorts.length} cohorts, ${JSON.stringify(result.rows)} in ${Math.round(performance.now() - started)} ms`);
	await database().close();
}
