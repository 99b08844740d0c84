'use server'

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import type { CatalogImportResult } from '@/lib/inventory/catalog-import'
import { addService, adoptService, editService, importCatalogFile, setServiceRetired } from '@/lib/inventory/repository'
import { adoptServiceInput, catalogImportInput, inventoryServiceInput, retireServiceInput } from '@/lib/inventory/schemas'

const refreshInventory = () => revalidatePath('/settings/inventory')

/** What an import answers: the result (problems with their lines, or the counts and changes) and a sentence. */
const importOutcome = (result: CatalogImportResult, done: string) => ({
  message: result.ok
    ? `${done}: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.retired} retired.`
    : `Nothing was imported: the file has ${result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`}.`,
  data: result,
})

/** Reads the file and says what importing it would change; writes nothing. */
export const previewInventoryImportAction = defineAction({
  permission: 'inventory.write',
  input: catalogImportInput,
  run: ({ input, user }) =>
    importCatalogFile(input.content, { fileName: input.fileName, retireMissing: input.retireMissing, dryRun: true }, { by: user.id }),
  ok: (result) => importOutcome(result, 'Importing this file changes'),
})

export const importInventoryAction = defineAction({
  permission: 'inventory.write',
  input: catalogImportInput,
  run: ({ input, user }) =>
    importCatalogFile(input.content, { fileName: input.fileName, retireMissing: input.retireMissing }, { by: user.id }),
  ok: (result) => importOutcome(result, 'Imported'),
  after: [refreshInventory],
})

export const addServiceAction = defineAction({
  permission: 'inventory.write',
  input: inventoryServiceInput,
  run: ({ input, user }) => addService(input, { by: user.id }),
  ok: (saved) => (saved.changes.origin ? `Adopted ${saved.name} into the inventory.` : `Added ${saved.name} to the inventory.`),
  after: [refreshInventory],
})

export const editServiceAction = defineAction({
  permission: 'inventory.write',
  input: inventoryServiceInput,
  run: ({ input, user }) => editService(input, { by: user.id }),
  ok: (saved) => {
    const fields = Object.keys(saved.changes)
    return fields.length ? `Saved ${saved.name}: ${fields.join(', ')} changed.` : `Nothing to save: ${saved.name} is unchanged.`
  },
  after: [refreshInventory],
})

export const adoptServiceAction = defineAction({
  permission: 'inventory.write',
  input: adoptServiceInput,
  run: ({ input, user }) => adoptService(input, { by: user.id }),
  ok: (saved) => `Adopted ${saved.name} into the inventory.`,
  after: [refreshInventory],
})

export const retireServiceAction = defineAction({
  permission: 'inventory.write',
  input: retireServiceInput,
  run: ({ input, user }) => setServiceRetired(input, { by: user.id }),
  ok: (saved, input) => (input.retired ? `Retired ${saved.name}.` : `${saved.name} is back in the inventory.`),
  after: [refreshInventory],
})
