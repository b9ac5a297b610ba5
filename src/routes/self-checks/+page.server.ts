import { requireUser } from '$lib/server/guard';
import { formsIn, latestByForm } from '$lib/server/selfchecks';

export async function load(event) {
	const user = requireUser(event);
	const latest = await latestByForm(user.id);
	return {
		forms: formsIn(event.locals.locale).map((form) => {
			const last = latest.get(form.slug);
			const band = last && form.bands.find((b) => b.id === last.band);
			return {
				slug: form.slug,
				kind: form.kind,
				title: form.title,
				summary: form.summary,
				minutes: form.minutes,
				audience: form.audience,
				latest: last ? { id: last.id, value: last.value, band: band?.label ?? last.band, createdAt: last.createdAt, taken: last.taken } : null
			};
		})
	};
}
