// What the debrief page shows, computed from the stored events by replaying them.
import { lookup } from '$lib/roleplay/analysis';
import { nodeOf, replay, type RoleplayEvent } from '$lib/roleplay/machine';
import type { Scenario } from '$lib/roleplay/schema';
import { debriefSteps, lessonHref, resultOf } from '$lib/roleplay/score';
import type { BuiltScenario, SimulationAttempt } from '$lib/server/simulations';
import { machineFor } from '$lib/server/simulations';

/**
 * Replays and scores on the English `built` scenario; every word shown comes from `words` (the
 * reader's translation, with the same ids), looked up by beat, choice, dimension and ending id.
 */
export function debriefOf(built: BuiltScenario, attempt: SimulationAttempt, events: RoleplayEvent[], words: Scenario = built.scenario) {
	const { scenario, analysis } = built;
	const { snapshot } = replay(machineFor(scenario.slug)!.machine, events);
	const result = resultOf(scenario, analysis, snapshot.context);
	const shown = lookup(words);
	const label = new Map(words.rubric.map((d) => [d.id, d.label]));
	const choiceIn = (beat: string, id: string) => shown.beats.get(beat)?.choices.find((c) => c.id === id);
	return {
		result: { ...result, dimensions: result.dimensions.map((d) => ({ ...d, label: label.get(d.id) ?? d.label })) },
		passMark: scenario.passMark,
		ending: shown.endings.get(nodeOf(snapshot)) ?? null,
		steps: debriefSteps(scenario, snapshot.context.path).map((step) => {
			const beat = shown.beats.get(step.beat.id) ?? step.beat;
			const choice = step.choice && (choiceIn(beat.id, step.choice.id) ?? step.choice);
			const reply = (step.choice ? choice : beat.timeout) ?? step.reply;
			const better = step.better && (choiceIn(beat.id, step.better.id) ?? step.better);
			return {
				beat: beat.id,
				say: beat.say,
				note: beat.note ?? null,
				reply: choice?.text ?? null,
				points: step.points,
				mistake: step.mistake,
				feedback: reply.feedback,
				lesson: lessonHref(step.reply.lesson),
				better: better && { text: better.text, feedback: better.feedback, lesson: lessonHref(better.lesson) }
			};
		}),
		reflection: attempt.reflection
	};
}

export type Debrief = ReturnType<typeof debriefOf>;
