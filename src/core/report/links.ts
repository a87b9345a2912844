/**
 * Links from the job summary into the Qualytics app. They are built only
 * from the configured origin (ours, validated by the config) and numeric
 * ids, never from text a server sent, so a server cannot plant a link.
 *
 * The operation page form is the one the Qualytics user guide gives for a
 * Flow notification's `{{target_link}}` of an operation:
 * `https://<instance>.qualytics.io/datastores/<datastore-id>/activity?operation_id=<id>`
 * (Qualytics/userguide, Flows notification examples).
 */

/** The app's home page, or null when the origin is not http(s). */
export function appUrl(origin: string): string | null {
  const base = parseOrigin(origin)
  return base ? `${base}/` : null
}

/** The operation in the datastore's Activity tab, or null when not linkable. */
export function operationUrl(
  origin: string,
  datastoreId: number,
  operationId: number
): string | null {
  const base = parseOrigin(origin)
  if (!base || !isId(datastoreId) || !isId(operationId)) return null
  return `${base}/datastores/${datastoreId}/activity?operation_id=${operationId}`
}

/** `https://host[:port]` of an http(s) origin, without path or trailing slash. */
function parseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    // Only scheme, host and port: a path or credentials never reach a link.
    return url.origin
  } catch {
    return null
  }
}

function isId(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0
}
