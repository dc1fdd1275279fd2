import { ZEmail, ZNewPassword, ZSignIn, ZSignUp, ZRole } from './auth';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('account validation', () => {
  it('normalises an email to trimmed lower case', () => {
    expect(ZEmail.parse('  Ada@Example.COM ')).toBe('ada@example.com');
  });
  it('rejects a malformed email with a sentence', () => {
    expect(message(ZEmail.safeParse('ada@'))).toBe('Enter a valid email address, like name@example.com.');
    expect(message(ZEmail.safeParse(''))).toBe('Enter your email address.');
  });
  it('needs at least 10 characters in a new password (9 fails, 10 passes)', () => {
    expect(ZNewPassword.safeParse('abcdefgh9').success).toBe(false);
    expect(ZNewPassword.safeParse('abcdefgh10').success).toBe(true);
  });
  it('refuses common and repetitive passwords', () => {
    expect(message(ZNewPassword.safeParse('Password123'))).toMatch(/too common/);
    expect(message(ZNewPassword.safeParse('abababababab'))).toMatch(/harder to guess/);
  });
  it('accepts a proper sign-up and sign-in', () => {
    expect(ZSignUp.safeParse({ email: 'a@b.co', password: 'correct horse battery' }).success).toBe(true);
    expect(ZSignIn.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
  });
  it('rejects non-string input without throwing', () => {
    expect(ZSignIn.safeParse({ email: 42, password: null }).success).toBe(false);
    expect(ZSignUp.safeParse(undefined).success).toBe(false);
  });
  it('knows the three roles only', () => {
    expect(ZRole.safeParse('instructor').success).toBe(true);
    expect(message(ZRole.safeParse('root'))).toBe('Role must be one of: student, instructor, admin.');
  });
});
