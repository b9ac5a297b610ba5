import { error } from '@sveltejs/kit';
import { lessonsFor } from '$lib/server/content';
import { membersOf } from '$lib/server/cohorts';
import { checkAttempts, progressByLesson } from '$lib/server/lessons';
import { cohortMatrix } from '$lib/server/reports';
import { cohortAccess } from '../../access';

export async function load(event) {
	const { cohort } = await cohortAccess(event);
	// Only trainees of this cohort can be read through it.
	const trainee = (await membersOf(cohort.id)).find((m) => m.id === event.params.userId);
	if (!trainee) error(404, 'Not found');

	const [matrix, progress, attempts] = await Promise.all([
		cohortMatrix(cohort.id, new Date(), event.locals.locale),
		progressByLesson(trainee.id),
		checkAttempts(trainee.id)
	]);
	const row = matrix.rows.find((r) => r.trainee.id === trainee.id)!;
	return {
		cohort: { id: cohort.id, name: cohort.name },
		trainee,
		assignments: matrix.assignments.map((a, i) => ({ ...a, cell: row.cells[i] })).filter((a) => a.cell),
		lessons: lessonsFor(event.locals.locale).map((l) => {
			const p = progress.get(l.slug)!;
			return { slug: l.slug, title: l.title, sections: l.sections.length, read: p.read.length, completed: p.completed, attempts: attempts.filter((a) => a.lesson === l.slug) };
		})
	};
}
