/**
 * A login (账号) is what a person types to sign in: 3 to 64 characters of lower-case ASCII
 * letters, digits and `. _ -`, starting with a letter or digit. Letters are compared without case,
 * so `Ganyu-Admin` and `ganyu-admin` are one account. No spaces and no control characters: a
 * login must read the same in a list, a log and a keyboard.
 */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function normalizeLogin(input: string): string {
  return input.toLowerCase();
}

export function isValidLogin(input: string): boolean {
  return LOGIN_PATTERN.test(normalizeLogin(input));
}
