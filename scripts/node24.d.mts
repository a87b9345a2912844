/** Where the Node 24 binary is, or why there is none. */
export type Node24 = { path: string; version: string } | { missing: string }

/** Find the Node 24 binary, installing it (about 30 MB) when it is missing. */
export function findNode24(): Promise<Node24>
