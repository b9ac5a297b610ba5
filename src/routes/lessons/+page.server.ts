import { lessonsFor } from '$lib/server/content';
import { requireUser } from '$lib/server/guard';
import { continueFrom, progressByLesson } from '$lib/server/lessons';

export async function load(event) {
	const user = requireUser(event);
	const progress = await progressByLesson(user.id);
	return {
		continueLesson: continueFrom(progress, event.locals.locale),
		lessons: lessonsFor(event.locals.locale).map((lesson) => {
			const p = progress.get(lesson.slug)!;
			return {
				slug: lesson.slug,
				title: lesson.title,
				summary: lesson.summary,
				minutes: lesson.minutes,
				source: lesson.source,
				lang: lesson.locale,
				sections: lesson.sections.length,
				read: p.read.length,
				passed: p.passed,
				completed: p.completed
			};
		})
	};
}
