import { safeNext } from './sign-in'

describe('safeNext', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeNext('/portfolio?tab=orders')).toBe('/portfolio?tab=orders')
    expect(safeNext(null)).toBe('/')
    expect(safeNext('https://evil.example')).toBe('/')
    expect(safeNext('//evil.example')).toBe('/')
    expect(safeNext('/\\evil.example')).toBe('/')
  })
})
