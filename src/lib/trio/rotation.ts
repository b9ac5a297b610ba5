// Exercise 1 of manual 000: three trainees, three rounds, and every trainee plays every role
// once. Pure, so the server, the shared screen and each device agree on who is who.
export const ROLES = ['salesperson', 'customer', 'observer'] as const;
export type TrioRole = (typeof ROLES)[number];
export const ROUNDS = 3;

/** The role of the trainee in `seat` (0–2) during `round` (1–3). */
export const roleOf = (seat: number, round: number): TrioRole => ROLES[(seat - (round - 1) + 3 * ROUNDS) % 3];

/** The seat playing `role` during `round`. */
export const seatOf = (role: TrioRole, round: number) => [0, 1, 2].find((seat) => roleOf(seat, round) === role)!;

export type Clock = { round: number; finished: boolean; roundEndsAt: number; totalEndsAt: number };

/** Each round gets an equal share of the total time; the clock only advises, it never stops anyone. */
export function clock(trio: { totalMinutes: number; startedAt: Date; round: number; roundStartedAt: Date; finishedAt: Date | null }): Clock {
	const share = (trio.totalMinutes * 60_000) / ROUNDS;
	return {
		round: trio.round,
		finished: trio.finishedAt !== null,
		roundEndsAt: trio.roundStartedAt.getTime() + share,
		totalEndsAt: trio.startedAt.getTime() + trio.totalMinutes * 60_000
	};
}
