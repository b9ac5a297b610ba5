import { error } from '@sveltejs/kit';
import { lookup } from '$lib/roleplay/analysis';
import { applyReply, replyParams, initialContext } from '$lib/roleplay/machine';
import { lessonHref } from '$lib/roleplay/score';
import { totalOf } from '$lib/roleplay/schema';
import { requireUser } from '$lib/server/guard';
import { machineFor } from '$lib/server/simulations';

export async function load(event) {
	requireUser(event);
	const found = machineFor(event.params.slug);
	if (!found) error(404, 'Not found');
	const { scenario, analysis } = found.built;
	const { beats } = lookup(scenario);
	let context = initialContext(scenario);
	const steps = analysis.bestPath.map((step) => {
		const beat = beats.get(step.beat)!;
		const choice = beat.choices.find((c) => c.id === step.choiceId)!;
		context = applyReply(context, replyParams(beat, choice));
		return {
			say: beat.say,
			note: beat.note ?? null,
			reply: choice.text,
			why: choice.feedback,
			lesson: lessonHref(choice.lesson),
			points: totalOf(choice.effects),
			mood: context.mood
		};
	});
	const ending = scenario.endings.find((e) => e.id === analysis.bestEnding)!;
	return {
		slug: scenario.slug,
		title: scenario.title,
		kind: scenario.kind,
		customer: scenario.customer,
		steps,
		ending,
		maxTotal: analysis.maxTotal
	};
}
