import { asc, eq, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { session, user, type Role } from '$lib/server/db/schema';
import { burnPasswordCheck, hashPassword, verifyPassword } from '$lib/server/auth/password';

export const findUserByEmail = async (email: string) =>
	(await db.select().from(user).where(sql`lower(${user.email}) = lower(${email})`))[0];

export async function createUser(input: { email: string; name: string; password: string; role?: Role }) {
	const passwordHash = await hashPassword(input.password);
	const [created] = await db
		.insert(user)
		.values({ email: input.email, name: input.name, passwordHash, role: input.role ?? 'trainee' })
		.onConflictDoNothing()
		.returning({ id: user.id, email: user.email, name: user.name, role: user.role });
	return created ?? null; // null: the e-mail address is taken
}

/** The user when the password matches; null otherwise, in about the same time either way. */
export async function checkCredentials(email: string, password: string) {
	const found = await findUserByEmail(email);
	if (!found) {
		await burnPasswordCheck(password);
		return null;
	}
	return (await verifyPassword(found.passwordHash, password)) ? found : null;
}

export async function changePassword(userId: string, current: string, next: string) {
	const [found] = await db.select().from(user).where(eq(user.id, userId));
	if (!found || !(await verifyPassword(found.passwordHash, current))) return false;
	const passwordHash = await hashPassword(next);
	// The new password and the end of every old session land together.
	await db.transaction(async (tx) => {
		await tx.update(user).set({ passwordHash }).where(eq(user.id, userId));
		await tx.delete(session).where(eq(session.userId, userId));
	});
	return true;
}

export const listUsers = () =>
	db
		.select({ id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt })
		.from(user)
		.orderBy(asc(user.name));

export async function setRole(userId: string, role: Role) {
	const [updated] = await db.update(user).set({ role }).where(eq(user.id, userId)).returning({ id: user.id });
	return Boolean(updated);
}
