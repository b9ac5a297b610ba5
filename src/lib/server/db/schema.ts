import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { roles } from '$lib/roles';

export { roles, type Role } from '$lib/roles';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const user = pgTable(
	'user',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: roles }).notNull().default('trainee'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('user_email_key').on(sql`lower(${t.email})`),
		check('user_role_check', sql`${t.role} in ('trainee', 'trainer', 'admin')`)
	]
);

export const session = pgTable(
	'session',
	{
		// SHA-256 of the token, hex; the token itself only ever lives in the cookie.
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

// Failed sign-ins per key ("account:<email>" or "address:<ip>"), kept in the database so
// every server process behind a load balancer sees the same counts.
export const signInThrottle = pgTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
	lockedUntil: timestamp('locked_until', { withTimezone: true })
});

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;

// ── Role-play attempts ────────────────────────────────────────────────────────────────────────
// An attempt's state is always what the server computed by replaying its events through the
// scenario's machine; the columns below are that result, kept for lists and reports.
export const attemptModes = ['practice', 'assessment'] as const;
export const timerSettings = ['x1', 'x2', 'x10', 'off'] as const;
export const attemptOutcomes = ['success', 'partial', 'failure'] as const;

export const simulationAttempt = pgTable(
	'simulation_attempt',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		scenario: text('scenario').notNull(),
		mode: text('mode', { enum: attemptModes }).notNull(),
		timer: text('timer', { enum: timerSettings }).notNull(),
		steps: integer('steps').notNull().default(0),
		node: text('node').notNull(),
		mood: integer('mood').notNull(),
		total: integer('total').notNull().default(0),
		scores: jsonb('scores').$type<Record<string, number>>().notNull(),
		outcome: text('outcome', { enum: attemptOutcomes }),
		percent: integer('percent'),
		passed: boolean('passed'),
		reflection: text('reflection'),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [
		index('simulation_attempt_user_scenario_idx').on(t.userId, t.scenario, t.startedAt),
		index('simulation_attempt_scenario_finished_idx').on(t.scenario, t.finishedAt),
		check('simulation_attempt_mode_check', sql`${t.mode} in ('practice', 'assessment')`),
		check('simulation_attempt_timer_check', sql`${t.timer} in ('x1', 'x2', 'x10', 'off')`)
	]
);

export const simulationEvent = pgTable(
	'simulation_event',
	{
		attemptId: uuid('attempt_id')
			.notNull()
			.references(() => simulationAttempt.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		type: text('type', { enum: ['reply.choose', 'reply.timeout'] }).notNull(),
		choiceId: text('choice_id'),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'simulation_event_attempt_seq_key', columns: [t.attemptId, t.seq] }),
		check('simulation_event_seq_check', sql`${t.seq} >= 1`)
	]
);

export type SimulationAttempt = typeof simulationAttempt.$inferSelect;
export type SimulationEvent = typeof simulationEvent.$inferSelect;
export type AttemptMode = (typeof attemptModes)[number];
export type TimerSetting = (typeof timerSettings)[number];
