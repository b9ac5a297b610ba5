import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { requireUser } from '$lib/server/guard';
import { findForm, formIn, getSubmission, lessonTitles, listSubmissions } from '$lib/server/selfchecks';

export async function load(event) {
	const user = requireUser(event);
	const locale = event.locals.locale;
	const form = findForm(event.params.slug);
	const submission = form && (await getSubmission(user.id, form.slug, event.params.id));
	if (!form || !submission) error(404, translate(locale, 'error.notFound'));
	const all = await listSubmissions(user.id, form.slug);
	const index = all.findIndex((s) => s.id === submission.id);
	const previous = index > 0 ? { id: all[index - 1].id, value: all[index - 1].value, createdAt: all[index - 1].createdAt } : null;
	return {
		form: formIn(locale, form),
		submission: { id: submission.id, createdAt: submission.createdAt, answers: submission.answers, result: submission.result },
		previous,
		taken: all.length,
		lessons: lessonTitles(
			submission.result.recommendations.map((r) => r.lesson),
			locale
		)
	};
}
