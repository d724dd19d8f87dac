/** Why dist/ must be built again, or undefined when it is up to date. */
export function needsBuild(env?: Record<string, string | undefined>): string | undefined;
/** Builds dist/ when needed, saying why; exits with the build's status if it fails. */
export function buildIfNeeded(): void;
