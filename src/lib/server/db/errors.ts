// Errors that mean "the database cannot be reached right now", as opposed to a bad query:
// connection refused, reset or closed, a timeout, or PostgreSQL refusing connections while it
// starts or shuts down. They become a plain 503 instead of a stack trace.
const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300']);

/** The PostgreSQL or network error code of `error` or of what caused it (drizzle wraps driver errors). */
function codesOf(error: unknown) {
	const found: string[] = [];
	for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
		if (typeof e === 'object' && typeof e.code === 'string') found.push(e.code);
	return found;
}

export const isDatabaseUnavailable = (error: unknown) => codesOf(error).some((code) => codes.has(code));

/** A unique or primary key refused a second row with the same key. */
export const isUniqueViolation = (error: unknown) => codesOf(error).includes('23505');
