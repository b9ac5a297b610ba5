import { lessonsFor } from '$lib/server/content';
import { continueFrom, progressByLesson } from '$lib/server/lessons';
import { traineeAssignments } from '$lib/server/reports';

export async function load({ locals }) {
	if (!locals.user) return { next: null };
	const lessons = lessonsFor(locals.locale);
	const [progress, assignments] = await Promise.all([progressByLesson(locals.user.id), traineeAssignments(locals.user.id, new Date(), locals.locale)]);
	const completed = [...progress.values()].filter((p) => p.completed).length;
	const firstOpen = lessons.find((l) => !progress.get(l.slug)!.completed);
	return {
		next: {
			continueLesson: continueFrom(progress, locals.locale),
			firstOpen: firstOpen && { slug: firstOpen.slug, title: firstOpen.title, minutes: firstOpen.minutes },
			completed,
			lessons: lessons.length,
			assignments: assignments.map(({ id, kind, title, href, dueAt, cohort, status, score }) => ({ id, kind, title, href, dueAt, cohort, status, score }))
		}
	};
}
