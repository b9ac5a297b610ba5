import { lessons } from '$lib/server/content';
import { continueFrom, progressByLesson } from '$lib/server/lessons';

export async function load({ locals }) {
	if (!locals.user) return { next: null };
	const progress = await progressByLesson(locals.user.id);
	const completed = [...progress.values()].filter((p) => p.completed).length;
	const firstOpen = lessons.find((l) => !progress.get(l.slug)!.completed);
	return {
		next: {
			continueLesson: continueFrom(progress),
			firstOpen: firstOpen && { slug: firstOpen.slug, title: firstOpen.title, minutes: firstOpen.minutes },
			completed,
			lessons: lessons.length
		}
	};
}
