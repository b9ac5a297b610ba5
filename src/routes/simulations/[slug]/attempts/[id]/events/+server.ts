import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { translate } from '$lib/i18n';
import { requireUser } from '$lib/server/guard';
import { recordEvent } from '$lib/server/simulations';

// Only the step number and the event are read: any score, state or snapshot a client adds is ignored.
const Body = v.object({
	seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
	event: v.variant('type', [
		v.object({ type: v.literal('reply.choose'), choiceId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/)) }),
		v.object({ type: v.literal('reply.timeout') })
	])
});

export async function POST(event) {
	const user = requireUser(event);
	const { locale } = event.locals;
	// The player is the only client; a body it could not have sent gets a plain, translated refusal.
	const body: unknown = await event.request.json().catch(() => null);
	const parsed = v.safeParse(Body, body);
	if (!parsed.success) return json({ message: translate(locale, 'sim.error.badRequest') }, { status: 400 });
	const result = await recordEvent(user.id, event.params.slug, event.params.id, parsed.output.seq, parsed.output.event);
	if (result.status !== 200) return json({ message: translate(locale, result.message, result.params) }, { status: result.status });
	const { status: _status, ...ok } = result;
	return json(ok);
}
