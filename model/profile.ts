/**
 * What a person's profile holds until they change it (resolvers create profiles with these; the event
 * side's functions read them for people who never saved a profile). Pure, APPSYNC_JS-safe.
 */
export const PROFILE_DEFAULTS = { timeZone: 'UTC', reminderLeadMinutes: 60, emailNotifications: true } as const;
