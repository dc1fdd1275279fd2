import { safeReturnPath, signInErrorMessage } from './auth-messages';

describe('sign-in messages', () => {
  it('names the problem for each failure', () => {
    expect(signInErrorMessage('unknown-email')).toMatch(/No account uses this email/);
    expect(signInErrorMessage('wrong-password')).toMatch(/password is not right/);
    expect(signInErrorMessage('CredentialsSignin')).toMatch(/try again/i);
  });
  it('returns only to paths on this site', () => {
    expect(safeReturnPath('/progress')).toBe('/progress');
    expect(safeReturnPath('//evil.example/x')).toBe('/lessons');
    expect(safeReturnPath('https://evil.example')).toBe('/lessons');
    expect(safeReturnPath(undefined, '/')).toBe('/');
  });
});
