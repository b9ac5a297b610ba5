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


// Lessons -------------------------------------------------------------------------------------

const userRef = () =>
	uuid('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' });

/** One row per learner and lesson they opened: where they were and when the module was done. */
export const lessonProgress = pgTable(
	'lesson_progress',
	{
		userId: userRef(),
		lesson: text('lesson').notNull(),
		lastSection: text('last_section'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		completedAt: timestamp('completed_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.userId, t.lesson] }), index('lesson_progress_recent_idx').on(t.userId, t.updatedAt)]
);

export const sectionRead = pgTable(
	'section_read',
	{
		userId: userRef(),
		lesson: text('lesson').notNull(),
		section: text('section').notNull(),
		readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.lesson, t.section] })]
);

/** Every knowledge-check attempt is kept; the score was computed on the server. */
export const checkAttempt = pgTable(
	'check_attempt',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: userRef(),
		lesson: text('lesson').notNull(),
		answers: jsonb('answers').$type<Record<string, string[]>>().notNull(),
		correct: integer('correct').notNull(),
		total: integer('total').notNull(),
		passed: boolean('passed').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('check_attempt_user_lesson_idx').on(t.userId, t.lesson, t.createdAt)]
);

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type CheckAttempt = typeof checkAttempt.$inferSelect;
