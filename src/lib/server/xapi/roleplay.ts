// Role-play attempts as xAPI: an `answered` per reply (a choice interaction at the beat), then
// `completed` and `passed` or `failed` at an ending. The attempt's id is the registration, so a
// learning-record store groups one attempt's statements. Every id comes from the row it
// describes (`stableId`), so writing a step again adds nothing.
import { bestChoice, isMistake } from '$lib/roleplay/analysis';
import type { Step } from '$lib/roleplay/machine';
import { replyOf, type Result } from '$lib/roleplay/score';
import type { Beat, Scenario } from '$lib/roleplay/schema';
import { lessonBySlug } from '$lib/server/content';
import type { SimulationAttempt } from '$lib/server/db/schema';
import { activityTypes, duration, extensionId, lessonActivity, masteryScore, stableId, statement, verbs, type Activity } from './statements';

/** The response for silence until the timer ran out; content:check keeps it from being a choice id. */
export const TIMEOUT_RESPONSE = 'timeout';

type Attempt = Pick<SimulationAttempt, 'id' | 'mode' | 'startedAt'>;

export const scenarioActivity = (scenario: Scenario): Activity => ({
	path: `/simulations/${scenario.slug}`,
	type: activityTypes.simulation,
	name: scenario.title
});

/** A beat as a choice interaction: what the customer says, the replies offered, the best one as correct. */
const beatActivity = (scenario: Scenario, beat: Beat): Activity => ({
	path: `/simulations/${scenario.slug}#${beat.id}`,
	type: activityTypes.interaction,
	name: `${scenario.customer.name}: ${beat.say}`,
	extra: {
		interactionType: 'choice',
		correctResponsesPattern: [bestChoice(beat).id],
		choices: [
			...beat.choices.map((c) => ({ id: c.id, description: { 'en-US': c.text } })),
			...(beat.timeout ? [{ id: TIMEOUT_RESPONSE, description: { 'en-US': 'No reply before the timer ran out' } }] : [])
		]
	}
});

const attemptContext = (attempt: Attempt) => ({ [extensionId('attempt-mode')]: attempt.mode });

/** The statement for step `seq` of an attempt, the reply the machine recorded at `step`. */
export function replyStatement(userId: string, scenario: Scenario, attempt: Attempt, seq: number, step: Step, at: Date) {
	const beat = scenario.beats.find((b) => b.id === step.beat)!;
	const reply = replyOf(beat, step)!;
	return statement(userId, verbs.answered, beatActivity(scenario, beat), {
		id: stableId(`simulation-event/${attempt.id}/${seq}`),
		timestamp: at,
		registration: attempt.id,
		parent: scenarioActivity(scenario),
		extensions: attemptContext(attempt),
		result: {
			response: step.choiceId ?? TIMEOUT_RESPONSE,
			success: !isMistake(beat, reply),
			extensions: { [extensionId('rubric-effects')]: reply.effects, [extensionId('mood-change')]: reply.mood }
		}
	});
}

/**
 * `completed`, then `passed` or `failed` against the scenario's pass mark: the judgement the
 * server stores with the attempt and the debrief shows. (An assignment's pass mark is only shown
 * to trainers, and one attempt may count for several assignments, so it is not used here.)
 */
export function endingStatements(userId: string, scenario: Scenario, attempt: Attempt, score: Result, at: Date) {
	const lesson = lessonBySlug.get(scenario.lesson);
	const took = duration(at.getTime() - attempt.startedAt.getTime());
	const common = { timestamp: at, registration: attempt.id, parent: lesson && lessonActivity(lesson) };
	return [
		statement(userId, verbs.completed, scenarioActivity(scenario), {
			...common,
			id: stableId(`simulation-attempt/${attempt.id}/completed`),
			extensions: attemptContext(attempt),
			result: { completion: true, duration: took }
		}),
		statement(userId, score.passed ? verbs.passed : verbs.failed, scenarioActivity(scenario), {
			...common,
			id: stableId(`simulation-attempt/${attempt.id}/judged`),
			extensions: { ...attemptContext(attempt), [masteryScore]: scenario.passMark / 100 },
			result: {
				success: score.passed,
				completion: true,
				duration: took,
				// The stored percent, as scaled; raw is floored at 0 as the percent is (a total can go below zero).
				score: { scaled: score.percent / 100, raw: Math.max(0, score.total), min: 0, max: score.maxTotal }
			}
		})
	];
}
