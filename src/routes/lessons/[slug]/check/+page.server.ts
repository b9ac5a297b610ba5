import { error, fail } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n';
import { lessonBySlug, lessonIn } from '$lib/server/content';
import { requireUser } from '$lib/server/guard';
import { checkAttempts, submitCheck } from '$lib/server/lessons';

/** The module in the learner's language; content:check guarantees its ids match the English one's. */
function lessonOf(locale: Locale, slug: string) {
	const lesson = lessonIn(locale, slug);
	if (!lesson) error(404, 'Not found');
	return lesson;
}

export async function load(event) {
	const user = requireUser(event);
	const lesson = lessonOf(event.locals.locale, event.params.slug);
	return {
		lesson: { slug: lesson.slug, title: lesson.title, lang: lesson.locale },
		// Which options are correct stays on the server.
		questions: lesson.questions.map(({ id, kind, prompt, section, options }) => ({
			id,
			kind,
			prompt,
			section,
			options: options.map(({ id, text }) => ({ id, text }))
		})),
		attempts: await checkAttempts(user.id, lesson.slug)
	};
}

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const locale = event.locals.locale;
		const lesson = lessonOf(locale, event.params.slug);
		const form = await event.request.formData();

		const answers: Record<string, string[]> = {};
		const errors: Record<string, string> = {};
		for (const q of lesson.questions) {
			const valid = new Set(q.options.map((o) => o.id));
			const chosen = [...new Set(form.getAll(q.id).filter((v): v is string => typeof v === 'string' && valid.has(v)))];
			if (chosen.length === 0) errors[q.id] = translate(locale, q.kind === 'single' ? 'check.error.chooseOne' : 'check.error.chooseSome');
			else if (q.kind === 'single' && chosen.length > 1) errors[q.id] = translate(locale, 'check.error.onlyOne');
			answers[q.id] = chosen;
		}
		if (Object.keys(errors).length) return fail(400, { answers, errors, message: translate(locale, 'check.error.unanswered') });

		// Scored and recorded against the English module: the same ids, and xAPI statements stay English.
		const { attempt, results } = await submitCheck(user.id, lessonBySlug.get(lesson.slug)!, answers);
		return {
			answers,
			result: {
				correct: attempt.correct,
				total: attempt.total,
				passed: attempt.passed,
				// Feedback on what the learner chose; the right answers are not given away, so a retry still tests.
				questions: results.map((r) => {
					const question = lesson.questions.find((q) => q.id === r.id)!;
					return {
						id: r.id,
						correct: r.correct,
						feedback: question.options.filter((o) => answers[r.id].includes(o.id)).map((o) => ({ text: o.text, explanation: o.explanation }))
					};
				})
			}
		};
	}
};
