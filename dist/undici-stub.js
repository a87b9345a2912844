// Stands in for undici, left out of the bundle (see scripts/bundle.mjs).
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled: HttpClient.getAgentDispatcher is unavailable')
  }
}
