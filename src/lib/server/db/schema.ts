import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { roles } from '$lib/roles';
import type { Answers } from '$lib/selfcheck/answers';
import type { PlanAnswers } from '$lib/selfcheck/daily-plan';
import type { Result } from '$lib/selfcheck/score';

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

// --- Self-check forms -------------------------------------------------------------------
// Every submission is kept so a learner sees the trend. `result` is the server's own scoring
// (never the browser's); `value` is the number the history chart follows. `key` comes from the
// rendered form, so a double click or a resent POST stores one row, not two.
export const selfCheckSubmission = pgTable(
	'self_check_submission',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		form: text('form').notNull(),
		key: uuid('key').notNull(),
		answers: jsonb('answers').$type<Answers | PlanAnswers>().notNull(),
		result: jsonb('result').$type<Result>().notNull(),
		value: doublePrecision('value').notNull(),
		band: text('band').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('self_check_submission_user_form_idx').on(t.userId, t.form, t.createdAt),
		uniqueIndex('self_check_submission_key_key').on(t.userId, t.key)
	]
);

export type SelfCheckSubmission = typeof selfCheckSubmission.$inferSelect;
