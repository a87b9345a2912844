/** Where Mermaid's browser build is, or why there is none. */
export type Mermaid = { path: string; version: string } | { missing: string }

/** Find Mermaid's browser build, fetching it (an 18 MB tarball) when missing. */
export function findMermaid(): Promise<Mermaid>
