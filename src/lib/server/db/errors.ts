// Errors that mean "the database cannot be reached right now", as opposed to a bad query:
// connection refused, reset or closed, a timeout, or PostgreSQL refusing connections while it
// starts or shuts down. They become a plain 503 instead of a stack trace.
const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300']);

export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
		if (typeof e === 'object' && e.code && codes.has(e.code)) return true;
	return false;
}
