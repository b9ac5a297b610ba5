export const PASS_MARK = 0.8;

type Question = { id: string; options: { id: string; correct: boolean }[] };

/** A question counts only when exactly the correct options were chosen. */
export function scoreCheck(questions: Question[], answers: Record<string, string[]>) {
	const results = questions.map((q) => {
		const chosen = new Set(answers[q.id] ?? []);
		const correct = q.options.every((o) => o.correct === chosen.has(o.id));
		return { id: q.id, correct };
	});
	const correct = results.filter((r) => r.correct).length;
	return { results, correct, total: questions.length, passed: correct >= PASS_MARK * questions.length };
}
