import { describe, expect, it } from 'vitest';
import { clock, roleOf, ROLES, ROUNDS, seatOf } from '$lib/trio/rotation';

describe('role-play trio rotation', () => {
	it('gives every trainee every role exactly once over three rounds', () => {
		for (let seat = 0; seat < 3; seat++) {
			const roles = Array.from({ length: ROUNDS }, (_, r) => roleOf(seat, r + 1));
			expect([...roles].sort()).toEqual([...ROLES].sort());
		}
	});

	it('fills every role in every round with a different trainee', () => {
		for (let round = 1; round <= ROUNDS; round++) {
			expect(new Set([0, 1, 2].map((seat) => roleOf(seat, round))).size).toBe(3);
			for (const role of ROLES) expect(roleOf(seatOf(role, round), round)).toBe(role);
		}
	});

	it('the salesperson of one round is the observer of the next, who watched the customer play', () => {
		expect([1, 2, 3].map((round) => roleOf(0, round))).toEqual(['salesperson', 'observer', 'customer']);
	});

	it('splits the total time evenly between rounds', () => {
		const start = new Date('2026-11-23T10:00:00Z');
		const second = new Date('2026-11-23T10:21:00Z');
		const c = clock({ totalMinutes: 60, startedAt: start, round: 2, roundStartedAt: second, finishedAt: null });
		expect(c.roundEndsAt - second.getTime()).toBe(20 * 60_000);
		expect(c.totalEndsAt - start.getTime()).toBe(60 * 60_000);
		expect(c.finished).toBe(false);
	});
});
