import { fieldErrorsOf, ZDeleteAccount, ZSettings } from '../settings';

const VALID = { dailySize: 15, desiredRetention: 0.9, timeZone: 'Europe/Paris' };

/** The message zod gives for one field of `input`, or undefined when the whole input is valid. */
function errorFor(input: Record<string, unknown>, field: string): string | undefined {
  const r = ZSettings.safeParse(input);
  return r.success ? undefined : fieldErrorsOf<string>(r.error.issues)[field];
}

describe('ZSettings: daily quiz size', () => {
  it('accepts 5 and 50 questions, the ends of the range', () => {
    expect(ZSettings.safeParse({ ...VALID, dailySize: 5 }).success).toBe(true);
    expect(ZSettings.safeParse({ ...VALID, dailySize: 50 }).success).toBe(true);
  });

  it('refuses 4 and 51 questions with the range in words', () => {
    expect(errorFor({ ...VALID, dailySize: 4 }, 'dailySize')).toBe('Choose between 5 and 50 questions a day.');
    expect(errorFor({ ...VALID, dailySize: 51 }, 'dailySize')).toBe('Choose between 5 and 50 questions a day.');
  });

  it('refuses a fraction, a string, NaN and a missing size', () => {
    expect(errorFor({ ...VALID, dailySize: 10.5 }, 'dailySize')).toBe('Use a whole number of questions, between 5 and 50.');
    expect(errorFor({ ...VALID, dailySize: '10' }, 'dailySize')).toBe('Enter how many questions you want in each daily quiz.');
    expect(errorFor({ ...VALID, dailySize: Number.NaN }, 'dailySize')).toBe('Enter how many questions you want in each daily quiz.');
    expect(errorFor({ desiredRetention: 0.9, timeZone: 'UTC' }, 'dailySize')).toBe('Enter how many questions you want in each daily quiz.');
  });
});

describe('ZSettings: desired retention', () => {
  it('accepts 0.80 and 0.97, the ends of the range, and two decimals in between', () => {
    for (const r of [0.8, 0.97, 0.85, 0.91]) expect(ZSettings.parse({ ...VALID, desiredRetention: r }).desiredRetention).toBe(r);
  });

  it('accepts every whole percentage from 80% to 97% as the form sends it (n / 100)', () => {
    for (let pct = 80; pct <= 97; pct++) expect(ZSettings.safeParse({ ...VALID, desiredRetention: pct / 100 }).success).toBe(true);
  });

  it('refuses 0.79 and 0.98 with the range in percent', () => {
    expect(errorFor({ ...VALID, desiredRetention: 0.79 }, 'desiredRetention')).toBe('Choose a desired retention between 80% and 97%.');
    expect(errorFor({ ...VALID, desiredRetention: 0.98 }, 'desiredRetention')).toBe('Choose a desired retention between 80% and 97%.');
  });

  it('refuses more than two decimals and a percentage sent as a whole number', () => {
    expect(errorFor({ ...VALID, desiredRetention: 0.855 }, 'desiredRetention')).toBe('Use a whole percentage for desired retention, like 85% (0.85).');
    expect(errorFor({ ...VALID, desiredRetention: 90 }, 'desiredRetention')).toBe('Choose a desired retention between 80% and 97%.');
    expect(errorFor({ ...VALID, desiredRetention: '0.9' }, 'desiredRetention')).toBe('Enter your desired retention as a percentage, like 90%.');
  });
});

describe('ZSettings: time zone', () => {
  it('accepts IANA zones and UTC, spelled as Intl spells them', () => {
    expect(ZSettings.parse({ ...VALID, timeZone: 'America/New_York' }).timeZone).toBe('America/New_York');
    expect(ZSettings.parse({ ...VALID, timeZone: 'UTC' }).timeZone).toBe('UTC');
    expect(ZSettings.parse({ ...VALID, timeZone: ' europe/paris ' }).timeZone).toBe('Europe/Paris');
  });

  it('refuses an unknown zone, free text, an empty zone and a non-string', () => {
    expect(errorFor({ ...VALID, timeZone: 'Mars/Olympus_Mons' }, 'timeZone')).toBe('Choose a time zone from the list, like Europe/Paris.');
    expect(errorFor({ ...VALID, timeZone: 'Not a zone' }, 'timeZone')).toBe('Choose a time zone from the list, like Europe/Paris.');
    expect(errorFor({ ...VALID, timeZone: '' }, 'timeZone')).toBe('Choose a time zone.');
    expect(errorFor({ ...VALID, timeZone: 42 }, 'timeZone')).toBe('Choose a time zone.');
  });
});

describe('ZDeleteAccount', () => {
  it('normalises the typed email and keeps the password as typed', () => {
    expect(ZDeleteAccount.parse({ confirmEmail: '  Ada@Example.COM ', password: ' pass word ' })).toEqual({ confirmEmail: 'ada@example.com', password: ' pass word ' });
  });

  it('asks for both fields in plain words', () => {
    const r = ZDeleteAccount.safeParse({ confirmEmail: ' ', password: '' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(fieldErrorsOf<string>(r.error.issues)).toEqual({
      confirmEmail: 'Type the email address of this account to confirm.',
      password: 'Enter your password.',
    });
  });
});
