import 'server-only';
/** The per-user settings daily practice runs on (time zone, quiz size, desired retention). */
import { db } from './db';
import { fnv1a } from '@/lib/questions/rng';

export interface UserSettings {
  id: string;
  timeZone: string;
  dailySize: number;
  desiredRetention: number;
}

/** The user's settings, or null when the account no longer exists (deleted in another tab). */
export async function getUserSettings(userId: string): Promise<UserSettings | null> {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, timeZone: true, dailySize: true, desiredRetention: true } });
}

export async function updateUserSettings(userId: string, settings: Omit<UserSettings, 'id'>): Promise<UserSettings> {
  return db.user.update({
    where: { id: userId },
    data: settings,
    select: { id: true, timeZone: true, dailySize: true, desiredRetention: true },
  });
}

/** A stable 32-bit number per user (FNV-1a of the id): the seed of their daily quizzes. */
export function userSeed(userId: string): number {
  return fnv1a(userId);
}
