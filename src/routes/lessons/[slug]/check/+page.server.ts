import { error, fail } from '@sveltejs/kit';
import { lessonBySlug } from '$lib/server/content';
import { requireUser } from '$lib/server/guard';
import { checkAttempts, submitCheck } from '$lib/server/lessons';

function lessonOf(slug: string) {
	const lesson = lessonBySlug.get(slug);
	if (!lesson) error(404, 'Not found');
	return lesson;
}

export async function load(event) {
	const user = requireUser(event);
	const lesson = lessonOf(event.params.slug);
	return {
		lesson: { slug: lesson.slug, title: lesson.title },
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
		const lesson = lessonOf(event.params.slug);
		const form = await event.request.formData();

		const answers: Record<string, string[]> = {};
		const errors: Record<string, string> = {};
		for (const q of lesson.questions) {
			const valid = new Set(q.options.map((o) => o.id));
			const chosen = [...new Set(form.getAll(q.id).filter((v): v is string => typeof v === 'string' && valid.has(v)))];
			if (chosen.length === 0) errors[q.id] = q.kind === 'single' ? 'Choose an answer.' : 'Choose at least one answer.';
			else if (q.kind === 'single' && chosen.length > 1) errors[q.id] = 'Choose only one answer.';
			answers[q.id] = chosen;
		}
		if (Object.keys(errors).length)
			return fail(400, { answers, errors, message: 'Please answer every question before you submit.' });

		const { attempt, results } = await submitCheck(user.id, lesson, answers);
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
