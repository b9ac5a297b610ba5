import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDatabase, database, db } from '$lib/server/db';
import { session } from '$lib/server/db/schema';
import {
	ABSOLUTE_LIFETIME,
	IDLE_TIMEOUT,
	createSession,
	generateSessionToken,
	invalidateSession,
	validateSessionToken
} from '$lib/server/auth/session';
import { lockedFor, recordFailure, recordSuccess } from '$lib/server/auth/throttle';
import { changePassword, checkCredentials, createUser, setRole } from '$lib/server/users';
import { useDatabase } from './db';

useDatabase();

const alice = { email: 'Alice@Example.com', name: 'Alice', password: 'correct horse battery' };

describe('accounts', () => {
	it('creates a trainee and refuses a second account for the same address in any case', async () => {
		const created = await createUser(alice);
		expect(created?.role).toBe('trainee');
		expect(await createUser({ ...alice, email: 'alice@example.COM' })).toBeNull();
	});

	it('stores an argon2id hash, never the password', async () => {
		await createUser(alice);
		const [row] = await db.query.user.findMany();
		expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row.passwordHash).not.toContain(alice.password);
	});

	it('checks credentials case-insensitively by e-mail and refuses a wrong password or unknown account', async () => {
		await createUser(alice);
		expect((await checkCredentials('alice@example.com', alice.password))?.name).toBe('Alice');
		expect(await checkCredentials('alice@example.com', 'wrong password!')).toBeNull();
		expect(await checkCredentials('nobody@example.com', alice.password)).toBeNull();
	});

	it('changing the password ends every session of that user and no one else’s', async () => {
		const a = (await createUser(alice))!;
		const b = (await createUser({ ...alice, email: 'bob@example.com', name: 'Bob' }))!;
		const [t1, t2, t3] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		await createSession(t1, a.id);
		await createSession(t2, a.id);
		await createSession(t3, b.id);

		expect(await changePassword(a.id, 'not my password', 'a brand new secret')).toBe(false);
		expect((await validateSessionToken(t1)).user?.id).toBe(a.id);

		expect(await changePassword(a.id, alice.password, 'a brand new secret')).toBe(true);
		expect((await validateSessionToken(t1)).session).toBeNull();
		expect((await validateSessionToken(t2)).session).toBeNull();
		expect((await validateSessionToken(t3)).user?.id).toBe(b.id);
		expect(await checkCredentials(alice.email, 'a brand new secret')).not.toBeNull();
	});

	it('changes a role and reports a missing user', async () => {
		const a = (await createUser(alice))!;
		expect(await setRole(a.id, 'trainer')).toBe(true);
		expect((await checkCredentials(alice.email, alice.password))?.role).toBe('trainer');
		expect(await setRole('00000000-0000-4000-8000-000000000000', 'admin')).toBe(false);
	});
});

describe('sessions', () => {
	it('stores only the SHA-256 of the token', async () => {
		const a = (await createUser(alice))!;
		const token = generateSessionToken();
		const created = await createSession(token, a.id);
		expect(created.id).toMatch(/^[0-9a-f]{64}$/);
		expect(created.id).not.toContain(token);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('is anonymous after sign-out, and for unknown, mangled and huge tokens', async () => {
		const a = (await createUser(alice))!;
		const token = generateSessionToken();
		const created = await createSession(token, a.id);
		await invalidateSession(created.id);
		for (const bad of [token, generateSessionToken(), token.slice(0, -1) + '!', 'x'.repeat(8192), '']) {
			expect(await validateSessionToken(bad)).toEqual({ session: null, user: null });
		}
	});

	it('slides the idle timeout but never past the absolute lifetime', async () => {
		const a = (await createUser(alice))!;
		const token = generateSessionToken();
		const created = await createSession(token, a.id);
		// Twenty days idle left: the expiry moves forward on use.
		await db.update(session).set({ expiresAt: new Date(Date.now() + 10 * 86_400_000) }).where(eq(session.id, created.id));
		const slid = await validateSessionToken(token);
		expect(slid.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + IDLE_TIMEOUT - 60_000);

		// Created long ago: refused even though the idle expiry is in the future.
		await db
			.update(session)
			.set({ createdAt: new Date(Date.now() - ABSOLUTE_LIFETIME - 1000) })
			.where(eq(session.id, created.id));
		expect((await validateSessionToken(token)).session).toBeNull();
		expect(await db.select().from(session)).toHaveLength(0);
	});

	it('refuses an idle-expired session', async () => {
		const a = (await createUser(alice))!;
		const token = generateSessionToken();
		const created = await createSession(token, a.id);
		await db.update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.id, created.id));
		expect((await validateSessionToken(token)).user).toBeNull();
	});

	it('still finds sessions on a connection opened again (its prepared lookup is built anew)', async () => {
		const a = (await createUser(alice))!;
		const token = generateSessionToken();
		await createSession(token, a.id);
		expect((await validateSessionToken(token)).user?.id).toBe(a.id);

		await closeDatabase();
		// The embedded test database lives in memory: the new connection starts empty.
		await database().migrate();
		const b = (await createUser({ ...alice, email: 'alice.again@example.com' }))!;
		const again = generateSessionToken();
		await createSession(again, b.id);
		expect((await validateSessionToken(again)).user?.id).toBe(b.id);
	});
});

describe('sign-in throttling', () => {
	const keys = (account: string, address = '10.0.0.1'): [['account', string], ['address', string]] => [
		['account', account],
		['address', address]
	];

	it('allows the first five failures, then locks the account for growing periods', async () => {
		for (let i = 0; i < 5; i++) {
			expect(await lockedFor(keys('a@example.com'))).toBe(0);
			await recordFailure(keys('a@example.com'));
		}
		expect(await lockedFor(keys('a@example.com'))).toBe(0);
		await recordFailure(keys('a@example.com'));
		const first = await lockedFor(keys('A@example.com'));
		expect(first).toBeGreaterThan(1000);
		await recordFailure(keys('a@example.com'));
		expect(await lockedFor(keys('a@example.com'))).toBeGreaterThan(first);
		// Another account from another address is unaffected.
		expect(await lockedFor(keys('b@example.com', '10.0.0.2'))).toBe(0);
	});

	it('counts concurrent failures exactly and caps the lock at fifteen minutes', async () => {
		await Promise.all(Array.from({ length: 30 }, () => recordFailure(keys('c@example.com'))));
		const wait = await lockedFor(keys('c@example.com'));
		expect(wait).toBeGreaterThan(14 * 60_000);
		expect(wait).toBeLessThanOrEqual(15 * 60_000);
	});

	it('locks an address that tries many accounts', async () => {
		for (let i = 0; i < 21; i++) await recordFailure(keys(`user${i}@example.com`, '10.9.9.9'));
		expect(await lockedFor([['address', '10.9.9.9']])).toBeGreaterThan(0);
		expect(await lockedFor([['address', '10.9.9.8']])).toBe(0);
	});

	it('forgets an account’s failures after a successful sign-in', async () => {
		for (let i = 0; i < 6; i++) await recordFailure(keys('d@example.com'));
		await recordSuccess('d@example.com');
		expect(await lockedFor([['account', 'd@example.com']])).toBe(0);
	});
});
