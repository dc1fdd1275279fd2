import { requireUser } from '@/lib/server/session';
import { getUserSettings } from '@/lib/server/user-settings';
import { SignOutButton } from '../components/sign-out-button';
import { SettingsForm } from './settings-form';
import { DeleteAccount } from './delete-account';
import './settings.css';

export const metadata = { title: 'Settings' };

/** The zones to offer: UTC first, then every IANA zone this server's Intl knows, plus the user's own. */
function timeZoneChoices(current: string): string[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones.includes(current) ? zones : [current, ...zones];
}

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const settings = await getUserSettings(user.id);
  if (!settings) {
    return (
      <div className="narrow">
        <h1>Settings</h1>
        <p className="alert error" role="alert">
          This account no longer exists. Sign out, then sign in or sign up again.
        </p>
        <SignOutButton />
      </div>
    );
  }
  return (
    <div className="settings-page">
      <h1>Settings</h1>
      <section className="settings-section" aria-labelledby="practice-heading">
        <h2 id="practice-heading">Daily practice</h2>
        <SettingsForm
          initial={{ dailySize: settings.dailySize, desiredRetention: settings.desiredRetention, timeZone: settings.timeZone }}
          timeZones={timeZoneChoices(settings.timeZone)}
        />
      </section>
      <section className="settings-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          One JSON file with everything netprep keeps about you: your profile and settings, the lessons you marked read,
          every answer you gave, your review schedule and your daily quizzes. Your password is not in it.
        </p>
        <p>
          <a className="button secondary" href="/api/me/export">
            Download my data
          </a>
        </p>
        <DeleteAccount email={user.email} />
      </section>
    </div>
  );
}
