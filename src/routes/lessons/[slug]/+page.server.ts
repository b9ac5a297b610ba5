import { error, fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { lessonIn } from '$lib/server/content';
import { textFields } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { markSectionRead, progressIn } from '$lib/server/lessons';
import { verbatim } from '$lib/server/verbatim';

export async function load(event) {
	const user = requireUser(event);
	const lesson = lessonIn(event.locals.locale, event.params.slug);
	if (!lesson) error(404, 'Not found');
	const progress = (await progressIn(user.id, lesson.slug))!;
	const { slug, title, summary, minutes, objectives, source, intro, sections, questions, locale } = lesson;
	return {
		lesson: {
			...{ slug, title, summary, minutes, objectives, source, questions: questions.length, lang: locale },
			intro: verbatim(event, intro),
			sections: sections.map((section) => ({ ...section, html: verbatim(event, section.html) }))
		},
		progress
	};
}

export const actions = {
	read: async (event) => {
		const user = requireUser(event);
		const { section } = textFields(await event.request.formData(), ['section']);
		if (!(await markSectionRead(user.id, event.params.slug, section)))
			return fail(404, { message: translate(event.locals.locale, 'lesson.noSection') });
		return { read: section };
	}
};
