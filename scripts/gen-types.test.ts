import { readFile } from 'node:fs/promises'
import { generateFromMigrations, TYPES_FILE } from './gen-types.ts'

describe('generated database types', () => {
  it('match the migrations (run npm run types:gen after changing the schema)', async () => {
    const generated = await generateFromMigrations()
    expect(generated).toContain('place_order: {')
    expect(generated).toContain('Tables<')
    expect(await readFile(TYPES_FILE, 'utf8')).toBe(generated)
  })
})
