// Sign-in throttling per account and per client address [ASVS 6.1.1, 6.3.1]. The first few
// failures are free; then each failure locks the key for twice as long as the one before, up
// to a cap, so guessing slows to a crawl while a real user locked out by someone else waits
// minutes, not days. Counts live in PostgreSQL so every server process shares them.
import { eq, sql } from 'drizzle-orm';
import { plural, type Locale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { signInThrottle } from '$lib/server/db/schema';

const FREE_FAILURES = { account: 5, address: 20 };
const MAX_LOCK_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

type Kind = keyof typeof FREE_FAILURES;
const keyOf = (kind: Kind, value: string) => `${kind}:${value.toLowerCase()}`;

/** Milliseconds the caller must wait before trying again, 0 when a try is allowed. */
export async function lockedFor(keys: [Kind, string][]): Promise<number> {
	let wait = 0;
	for (const [kind, value] of keys) {
		const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, keyOf(kind, value)));
		if (row?.lockedUntil) wait = Math.max(wait, row.lockedUntil.getTime() - Date.now());
	}
	return Math.max(0, wait);
}

export async function recordFailure(keys: [Kind, string][]) {
	const now = new Date();
	for (const [kind, value] of keys) {
		const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
		// One statement, so two concurrent failures both count.
		const [row] = await db
			.insert(signInThrottle)
			.values({ key: keyOf(kind, value), failures: 1, lastFailureAt: now })
			.onConflictDoUpdate({
				target: signInThrottle.key,
				set: {
					failures: sql`case when ${signInThrottle.lastFailureAt} < ${forgetBefore}::timestamptz then 1 else ${signInThrottle.failures} + 1 end`,
					lastFailureAt: now
				}
			})
			.returning({ failures: signInThrottle.failures });
		const over = row.failures - FREE_FAILURES[kind];
		if (over > 0) {
			const until = new Date(now.getTime() + Math.min(1000 * 2 ** over, MAX_LOCK_MS)).toISOString();
			// Concurrent failures finish in any order: an earlier, shorter lock must not replace a longer one.
			await db
				.update(signInThrottle)
				.set({ lockedUntil: sql`greatest(${signInThrottle.lockedUntil}, ${until}::timestamptz)` })
				.where(eq(signInThrottle.key, keyOf(kind, value)));
		}
	}
}

export async function recordSuccess(account: string) {
	await db.delete(signInThrottle).where(eq(signInThrottle.key, keyOf('account', account)));
}

export function waitMessage(ms: number, locale: Locale = 'en') {
	const seconds = Math.ceil(ms / 1000);
	return seconds < 90 ? plural(locale, 'signIn.wait.seconds', seconds) : plural(locale, 'signIn.wait.minutes', Math.ceil(seconds / 60));
}
