import { error } from '@sveltejs/kit';
import { lookup } from '$lib/roleplay/analysis';
import { applyReply, replyParams, initialContext } from '$lib/roleplay/machine';
import { lessonHref } from '$lib/roleplay/score';
import { totalOf } from '$lib/roleplay/schema';
import { requireUser } from '$lib/server/guard';
import { machineFor, wordsIn } from '$lib/server/simulations';

export async function load(event) {
	requireUser(event);
	const found = machineFor(event.params.slug);
	if (!found) error(404, 'Not found');
	const { scenario, analysis } = found.built;
	// The run is worked out on the English scenario; its words come from the reader's, by the same ids.
	const words = wordsIn(event.locals.locale, found.built);
	const { beats } = lookup(scenario);
	const shown = lookup(words);
	let context = initialContext(scenario);
	const steps = analysis.bestPath.map((step) => {
		const beat = beats.get(step.beat)!;
		const choice = beat.choices.find((c) => c.id === step.choiceId)!;
		const said = shown.beats.get(beat.id) ?? beat;
		const reply = said.choices.find((c) => c.id === choice.id) ?? choice;
		context = applyReply(context, replyParams(beat, choice));
		return {
			say: said.say,
			note: said.note ?? null,
			reply: reply.text,
			why: reply.feedback,
			lesson: lessonHref(choice.lesson),
			points: totalOf(choice.effects),
			mood: context.mood
		};
	});
	return {
		slug: words.slug,
		title: words.title,
		kind: words.kind,
		customer: words.customer,
		steps,
		ending: shown.endings.get(analysis.bestEnding)!,
		maxTotal: analysis.maxTotal
	};
}
