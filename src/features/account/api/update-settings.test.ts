import { displayNameSchema } from './update-settings'

const messageFor = (name: string) => displayNameSchema.safeParse(name).error?.issues[0]?.message

describe('displayNameSchema', () => {
  it('keeps a name trimmed, emoji counted as one character', () => {
    expect(displayNameSchema.parse('  Ada Lovelace ')).toBe('Ada Lovelace')
    expect(displayNameSchema.parse('🚀'.repeat(60))).toBe('🚀'.repeat(60))
  })

  it('refuses what the database refuses, saying why', () => {
    expect(messageFor('   ')).toBe('Enter a display name.')
    expect(messageFor('x'.repeat(61))).toBe('Use at most 60 characters.')
    expect(messageFor('Ada\nLovelace')).toBe('Use letters, numbers and punctuation only.')
    // shows nothing on the leaderboard
    for (const invisible of ['\u200b', '\u200b\u200d\u2060', '\u00ad', ' \u3000\u180e ']) {
      expect(messageFor(invisible)).toBe('Use at least one letter, number or symbol.')
    }
  })
})
