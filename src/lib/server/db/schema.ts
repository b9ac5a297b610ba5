import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
		// The interface language the user chose; null follows the browser.
		locale: text('locale'),
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

// Trainer workspace ---------------------------------------------------------------------------

export const cohort = pgTable('cohort', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	archivedAt: timestamp('archived_at', { withTimezone: true }),
	createdAt: createdAt()
});

const cohortRef = () =>
	uuid('cohort_id')
		.notNull()
		.references(() => cohort.id, { onDelete: 'cascade' });

/** Who runs a cohort: its creator and any co-trainers, all with the same rights. */
export const cohortTrainer = pgTable(
	'cohort_trainer',
	{ cohortId: cohortRef(), userId: userRef() },
	(t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_trainer_user_idx').on(t.userId)]
);

export const cohortMember = pgTable(
	'cohort_member',
	{ cohortId: cohortRef(), userId: userRef(), joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow() },
	(t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_member_user_idx').on(t.userId)]
);

/** A join link: open to anyone with it (email null) or meant for one address. */
export const cohortInvite = pgTable(
	'cohort_invite',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cohortId: cohortRef(),
		code: text('code').notNull().unique(),
		email: text('email'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('cohort_invite_cohort_idx').on(t.cohortId)]
);

export const assignmentKinds = ['lesson', 'simulation', 'self-check'] as const;
export const countingRules = ['best', 'latest', 'first'] as const;

export const assignment = pgTable(
	'assignment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cohortId: cohortRef(),
		kind: text('kind', { enum: assignmentKinds }).notNull(),
		target: text('target').notNull(),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		// Simulations only.
		mode: text('mode', { enum: ['practice', 'assessment'] }),
		passMark: integer('pass_mark'),
		attemptsAllowed: integer('attempts_allowed'),
		counting: text('counting', { enum: countingRules }),
		createdAt: createdAt()
	},
	(t) => [index('assignment_cohort_due_idx').on(t.cohortId, t.dueAt)]
);

const assignmentRef = () =>
	uuid('assignment_id')
		.notNull()
		.references(() => assignment.id, { onDelete: 'cascade' });

/** Assigned to chosen trainees; an assignment without rows here is for the whole cohort. */
export const assignmentTrainee = pgTable(
	'assignment_trainee',
	{ assignmentId: assignmentRef(), userId: userRef() },
	(t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_trainee_user_idx').on(t.userId)]
);

/** A per-trainee number of attempts that replaces the assignment's. */
export const attemptOverride = pgTable(
	'attempt_override',
	{ assignmentId: assignmentRef(), userId: userRef(), attemptsAllowed: integer('attempts_allowed').notNull() },
	(t) => [primaryKey({ columns: [t.assignmentId, t.userId] })]
);

// xAPI ----------------------------------------------------------------------------------------

/**
 * Every learning record as an xAPI statement, written in the same transaction as what it
 * records. Rows not yet sent are the outbox for the learning-record store (LRS_ENDPOINT).
 */
export const xapiStatement = pgTable(
	'xapi_statement',
	{
		id: uuid('id').primaryKey(),
		userId: userRef(),
		statement: jsonb('statement').$type<Record<string, unknown>>().notNull(),
		storedAt: timestamp('stored_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		tries: integer('tries').notNull().default(0),
		nextTryAt: timestamp('next_try_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error')
	},
	(t) => [
		index('xapi_statement_user_idx').on(t.userId, t.storedAt),
		index('xapi_statement_outbox_idx').on(t.nextTryAt).where(sql`${t.sentAt} is null`)
	]
);

// Self-check forms ----------------------------------------------------------------------------
// Every submission is kept so a learner sees the trend. `result` is the server's own scoring
// (never the browser's); `value` is the number the history chart follows. `key` comes from the
// rendered form, so a double click or a resent POST stores one row, not two.
export const selfCheckSubmission = pgTable(
	'self_check_submission',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: userRef(),
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

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type CheckAttempt = typeof checkAttempt.$inferSelect;
export type Cohort = typeof cohort.$inferSelect;
export type Assignment = typeof assignment.$inferSelect;
export type SelfCheckSubmission = typeof selfCheckSubmission.$inferSelect;
