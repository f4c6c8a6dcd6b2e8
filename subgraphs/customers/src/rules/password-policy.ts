export const MIN_PASSWORD_LENGTH = 10;

/** Why a password is too easy to guess, or null when it is acceptable. */
export function passwordWeakness(password: string, email: string | null): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (/^\p{L}+$/u.test(password)) return 'Password must not be only letters';
  if (/^\p{N}+$/u.test(password)) return 'Password must not be only digits';
  if (email && password.trim().toLowerCase() === email) return 'Password must not be the email address';
  return null;
}
