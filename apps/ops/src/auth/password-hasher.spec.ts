import { hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('hashes with scrypt, a per-user salt and N of at least 2^15', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    const [scheme, n] = first.split('$');
    expect(scheme).toBe('scrypt');
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 15);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
  });

  it.each([
    ['the same password', 'correct horse battery staple', true],
    ['another password', 'correct horse battery stapler', false],
    ['an empty password', '', false],
  ])('verifies %s', async (_name, attempt, expected) => {
    const stored = await hashPassword('correct horse battery staple');
    await expect(verifyPassword(attempt, stored)).resolves.toBe(expected);
  });

  it.each([
    '',
    'plain-text',
    'scrypt$1$8$1$c2FsdA==$a2V5',
    'bcrypt$2$8$1$c2FsdA==$a2V5',
    'scrypt$32768$8$1$$',
  ])('never matches a malformed stored hash %p', async (stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
  });
});
