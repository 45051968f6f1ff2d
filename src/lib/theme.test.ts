import { setTheme, syncThemeColor } from './theme'

function themeColors() {
  return [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map(
    (meta) => meta.content,
  )
}

beforeEach(() => {
  // As in index.html: one per system colour scheme, for the first paint.
  document.head.innerHTML = `
    <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
    <meta name="theme-color" content="#0b1220" media="(prefers-color-scheme: dark)" />`
})

afterEach(() => {
  document.head.innerHTML = ''
  document.documentElement.classList.remove('dark')
  localStorage.clear()
})

describe('theme colour of the browser bar', () => {
  it('follows the theme the user switches to', () => {
    setTheme('light')
    expect(themeColors()).toEqual(['#ffffff', '#ffffff'])
    setTheme('dark')
    expect(themeColors()).toEqual(['#0b1220', '#0b1220'])
  })

  it('follows the theme applied before paint, when it differs from the system scheme', () => {
    document.documentElement.classList.remove('dark')
    syncThemeColor()
    expect(themeColors()).toEqual(['#ffffff', '#ffffff'])
    document.documentElement.classList.add('dark')
    syncThemeColor()
    expect(themeColors()).toEqual(['#0b1220', '#0b1220'])
  })
})
