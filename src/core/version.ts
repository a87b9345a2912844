/** The package version; a test keeps it equal to package.json's. */
export const VERSION = '1.2.0'

/** Sent as User-Agent, so Qualytics admins can tell our requests apart. */
export const USER_AGENT = `qualytics-export-action/${VERSION}`
