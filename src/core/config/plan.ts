import type { ExportRequestBody, PlannedExport } from '../types.js'
import type { ExportConfig } from './config.js'

/**
 * One export per datastore and asset type, datastores outermost, both in the
 * order given. The API takes one datastore per request (`datastore_id`,
 * singular: the seed page's `datastore_ids` list is refused with 422).
 */
export function buildPlan(config: ExportConfig): PlannedExport[] {
  return config.datastores.flatMap(datastoreId =>
    config.assetTypes.map(assetType => {
      const body: ExportRequestBody = {
        type: 'export',
        datastore_id: datastoreId,
        asset_type: assetType,
        // Always sent: the server's default for checks is documented both ways.
        include_deleted: config.includeDeleted
      }
      if (config.containers.length > 0) body.container_ids = config.containers
      if (config.containerTags.length > 0)
        body.container_tags = config.containerTags
      return { datastoreId, assetType, body }
    })
  )
}
