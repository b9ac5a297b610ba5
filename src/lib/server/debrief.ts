// What the debrief page shows, computed from the stored events by replaying them.
import { nodeOf, replay, type RoleplayEvent } from '$lib/roleplay/machine';
import { debriefSteps, lessonHref, resultOf } from '$lib/roleplay/score';
import type { BuiltScenario, SimulationAttempt } from '$lib/server/simulations';
import { machineFor } from '$lib/server/simulations';

export function debriefOf(built: BuiltScenario, attempt: SimulationAttempt, events: RoleplayEvent[]) {
	const { scenario, analysis } = built;
	const { snapshot } = replay(machineFor(scenario.slug)!.machine, events);
	const ending = scenario.endings.find((e) => e.id === nodeOf(snapshot));
	return {
		result: resultOf(scenario, analysis, snapshot.context),
		passMark: scenario.passMark,
		ending: ending ?? null,
		steps: debriefSteps(scenario, snapshot.context.path).map((step) => ({
			beat: step.beat.id,
			say: step.beat.say,
			note: step.beat.note ?? null,
			reply: step.choice?.text ?? null,
			points: step.points,
			mistake: step.mistake,
			feedback: step.reply.feedback,
			lesson: lessonHref(step.reply.lesson),
			better: step.better && { text: step.better.text, feedback: step.better.feedback, lesson: lessonHref(step.better.lesson) }
		})),
		reflection: attempt.reflection
	};
}

export type Debrief = ReturnType<typeof debriefOf>;
