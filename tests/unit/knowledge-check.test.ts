import { describe, expect, it } from 'vitest';
import { scoreCheck } from '$lib/knowledge-check';

const q = (id: string, correct: string[]) => ({
	id,
	options: ['a', 'b', 'c'].map((o) => ({ id: o, correct: correct.includes(o) }))
});
const questions = [q('q1', ['a']), q('q2', ['b', 'c']), q('q3', ['c']), q('q4', ['a']), q('q5', ['b'])];

describe('knowledge-check scoring', () => {
	it('counts a question only when exactly the correct options were chosen', () => {
		const result = scoreCheck(questions, { q1: ['a'], q2: ['b'], q3: ['c', 'a'], q4: ['a'], q5: ['b'] });
		expect(result.results.map((r) => r.correct)).toEqual([true, false, false, true, true]);
		expect(result.correct).toBe(3);
		expect(result.passed).toBe(false);
	});

	it('passes at 80% and not below', () => {
		expect(scoreCheck(questions, { q1: ['a'], q2: ['c', 'b'], q3: ['c'], q4: ['a'], q5: ['a'] })).toMatchObject({
			correct: 4,
			total: 5,
			passed: true
		});
		expect(scoreCheck(questions, { q1: ['a'], q2: ['c', 'b'], q3: ['c'] }).passed).toBe(false);
	});

	it('ignores answers to questions that do not exist', () => {
		expect(scoreCheck(questions, { nope: ['a'], q1: ['a'] }).correct).toBe(1);
	});
});
