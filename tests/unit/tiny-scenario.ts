import { parseScenario, type Scenario } from '$lib/roleplay/schema';

// A small scenario that exercises every rule: mood clamping, flags set before branches,
// branches on mood, flags, notFlags and running score, a timer, and three endings.
export function tinyScenario(): Scenario {
	const lesson = 'handling-complaints#six-steps';
	const beat = (id: string, next: string, extra: Partial<Scenario['beats'][number]> = {}) => ({
		id,
		say: `Customer line at ${id}.`,
		choices: [
			{ id: 'good', text: 'Good reply.', effects: { listening: 2, apology: 1 }, mood: 1, flags: [], feedback: 'Good.', lesson, next, branches: [] },
			{ id: 'bad', text: 'Bad reply.', effects: { listening: -1 }, mood: -2, flags: [], feedback: 'Bad.', lesson, next, branches: [] }
		],
		...extra
	});
	const raw = {
		slug: 'tiny',
		kind: 'call',
		title: 'Tiny',
		summary: 'A test scenario.',
		lesson: 'handling-complaints',
		minutes: 1,
		passMark: 70,
		brief: 'Test.',
		customer: { name: 'Ms. Test', situation: 'Testing.', mood: 2 },
		rubric: ['listening', 'apology', 'solution', 'follow-through'].map((id) => ({ id, label: id, description: id })),
		start: 'b1',
		beats: [
			beat('b1', 'b2', {
				timer: 15,
				timeout: { effects: { listening: -2 }, mood: -1, flags: ['silent'], feedback: 'Silence.', lesson, next: 'b2', branches: [] }
			}),
			beat('b2', 'b3'),
			beat('b3', 'b4'),
			beat('b4', 'b5'),
			beat('b5', 'b6'),
			beat('b6', 'b7'),
			beat('b7', 'b8'),
			beat('b8', 'b9'),
			beat('b9', 'b10'),
			{
				id: 'b10',
				say: 'Last line.',
				choices: [
					{
						id: 'close',
						text: 'Close well.',
						effects: { solution: 2, 'follow-through': 2 },
						mood: 1,
						flags: ['closed'],
						feedback: 'Closed.',
						lesson,
						next: 'meh',
						branches: [
							{ when: { flags: ['closed'], notFlags: ['silent'], mood: { min: 2 }, score: { min: 20 } }, next: 'win' },
							{ when: { mood: { max: -3 } }, next: 'lose' }
						]
					},
					{ id: 'push', text: 'Push.', effects: { solution: -1 }, mood: -3, flags: [], feedback: 'Pushy.', lesson, next: 'meh', branches: [{ when: { mood: { max: -3 } }, next: 'lose' }] }
				]
			}
		],
		endings: [
			{ id: 'win', outcome: 'success', title: 'Win', say: 'Yes.', summary: 'Won.' },
			{ id: 'meh', outcome: 'partial', title: 'Meh', say: 'Maybe.', summary: 'So-so.' },
			{ id: 'lose', outcome: 'failure', title: 'Lose', say: 'No.', summary: 'Lost.' }
		]
	};
	const parsed = parseScenario(raw);
	if (!parsed.ok) throw new Error(parsed.problems.join('; '));
	return parsed.scenario;
}
