import { followSystemTheme, setTheme, syncThemeColor } from './theme'

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

describe('following the system theme', () => {
  /** A system colour scheme the test can switch, as an OS schedule would. */
  function systemScheme(dark: boolean) {
    const query = new EventTarget() as EventTarget & { matches: boolean; media: string }
    query.matches = dark
    query.media = '(prefers-color-scheme: dark)'
    vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList)
    return (next: boolean) => {
      query.matches = next
      query.dispatchEvent(Object.assign(new Event('change'), { matches: next }))
    }
  }

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('turns the page dark and light with the system while the user has not picked a theme', () => {
    const switchSystem = systemScheme(false)
    const stop = followSystemTheme()
    switchSystem(true)
    expect(document.documentElement).toHaveClass('dark')
    expect(themeColors()).toEqual(['#0b1220', '#0b1220'])
    switchSystem(false)
    expect(document.documentElement).not.toHaveClass('dark')
    expect(themeColors()).toEqual(['#ffffff', '#ffffff'])
    stop()
    switchSystem(true)
    expect(document.documentElement).not.toHaveClass('dark')
  })

  it('keeps the theme the user picked', () => {
    const switchSystem = systemScheme(false)
    const stop = followSystemTheme()
    setTheme('light')
    switchSystem(true)
    expect(document.documentElement).not.toHaveClass('dark')
    stop()
  })
})
