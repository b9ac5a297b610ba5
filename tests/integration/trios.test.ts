import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { cohortMember } from '$lib/server/db/schema';
import { createCohort } from '$lib/server/cohorts';
import { findForm, submitSelfCheck } from '$lib/server/selfchecks';
import { createTrio, OBSERVER_FORM, observerRound, recordObservation, triosOfCohort, trioFor } from '$lib/server/trios';
import { createUser } from '$lib/server/users';
import { roleOf } from '$lib/trio/rotation';
import { useDatabase } from './db';

useDatabase();

const person = (email: string, role: 'trainee' | 'trainer' | 'admin' = 'trainee') =>
	createUser({ email, name: email.split('@')[0], password: 'long enough pass', role }).then((u) => u!);

async function setting() {
	const [trainer, other, admin, a, b, c, outsider] = await Promise.all([
		person('trainer@example.com', 'trainer'),
		person('other@example.com', 'trainer'),
		person('admin@example.com', 'admin'),
		person('ann@example.com'),
		person('bo@example.com'),
		person('cy@example.com'),
		person('out@example.com')
	]);
	const cohortId = await createCohort(trainer.id, 'Trio cohort');
	await db.insert(cohortMember).values([a, b, c].map((u) => ({ cohortId, userId: u.id })));
	return { trainer, other, admin, trainees: [a, b, c], outsider, cohortId };
}

const rounds = ['complaint-nobody-answers', 'complaint-new-car', 'complaint-nobody-answers'];
const form = findForm(OBSERVER_FORM)!;
const checklist = (salesperson: string, answer: 'yes' | 'no') =>
	Object.fromEntries(
		('sections' in form ? form.sections : []).flatMap((s) => s.items).map((item) => [
			item.id,
			item.id === 'salesperson' ? salesperson : item.kind === 'text' ? 'Listened well; ask more about the cause.' : item.kind === 'yesno' ? answer : item.kind === 'likert' ? (answer === 'yes' ? '5' : '1') : item.kind === 'choice' ? item.options[0].id : ''
		])
	);

async function observe(trioId: string, round: number, observerId: string, answer: 'yes' | 'no') {
	return db.transaction(async (tx) => {
		const stored = await submitSelfCheck(observerId, form, checklist('someone', answer), crypto.randomUUID(), tx);
		if (!stored.ok) throw new Error(JSON.stringify(stored.errors));
		return recordObservation(tx, trioId, round, observerId, stored.id);
	});
}

describe('role-play trios', () => {
	it('needs three different members of the cohort and complaint scenarios', async () => {
		const { trainer, trainees, outsider, cohortId } = await setting();
		const base = { cohortId, createdBy: trainer.id, totalMinutes: 60, scenarios: rounds };
		expect(await createTrio({ ...base, trainees: [trainees[0].id, trainees[0].id, trainees[1].id] })).toMatchObject({ ok: false });
		expect(await createTrio({ ...base, trainees: [trainees[0].id, trainees[1].id, outsider.id] })).toMatchObject({ ok: false });
		expect(await createTrio({ ...base, scenarios: ['call-bad-line', ...rounds.slice(1)], trainees: trainees.map((t) => t.id) })).toMatchObject({ ok: false });
		expect(await createTrio({ ...base, trainees: trainees.map((t) => t.id) })).toMatchObject({ ok: true });
	});

	it('is open to its three trainees, the cohort’s trainers and admins; others see nothing', async () => {
		const { trainer, other, admin, trainees, outsider, cohortId } = await setting();
		const created = await createTrio({ cohortId, createdBy: trainees[0].id, totalMinutes: 45, scenarios: rounds, trainees: trainees.map((t) => t.id) });
		const id = created.ok ? created.id : '';
		for (const viewer of [...trainees, trainer, admin]) expect(await trioFor(viewer, id), viewer.email).not.toBeNull();
		for (const viewer of [other, outsider]) expect(await trioFor(viewer, id), viewer.email).toBeNull();
		expect(await trioFor(trainer, 'nope')).toBeNull();
	});

	it('rotates the roles as each round’s observer saves the checklist, and keeps each result', async () => {
		const { trainer, trainees, cohortId } = await setting();
		const created = await createTrio({ cohortId, createdBy: trainer.id, totalMinutes: 60, scenarios: rounds, trainees: trainees.map((t) => t.id) });
		const id = created.ok ? created.id : '';
		const observerOf = (round: number) => trainees[[0, 1, 2].find((seat) => roleOf(seat, round) === 'observer')!];

		// Only the current round's observer can end it.
		const notObserver = trainees.find((t) => t.id !== observerOf(1).id)!;
		expect(await observe(id, 1, notObserver.id, 'yes')).toBe(false);
		expect(await observerRound(notObserver, id, 1)).toBeNull();
		expect((await observerRound(observerOf(1), id, 1))?.salesperson).toBe(trainees[[0, 1, 2].find((s) => roleOf(s, 1) === 'salesperson')!].name);

		expect(await observe(id, 1, observerOf(1).id, 'yes')).toBe(true);
		// The same round cannot be ended twice.
		expect(await observe(id, 1, observerOf(1).id, 'no')).toBe(false);
		expect((await trioFor(trainer, id))?.round).toBe(2);
		expect(await observe(id, 2, observerOf(2).id, 'no')).toBe(true);
		expect(await observe(id, 3, observerOf(3).id, 'yes')).toBe(true);
		const done = await trioFor(trainer, id);
		expect(done?.finishedAt).not.toBeNull();

		const [listed] = await triosOfCohort(cohortId);
		expect(listed.rounds.map((r) => r.score)).toEqual([100, 0, 100]);
		// Every trainee was the salesperson in exactly one round.
		expect(new Set(listed.rounds.map((r) => r.salesperson)).size).toBe(3);
		expect(new Set(listed.rounds.map((r) => r.observer)).size).toBe(3);
	});
});
