// Runs before first paint so the page never flashes the wrong theme. Keep in sync with
// THEME_STORAGE_KEY in src/lib/theme.ts.
try {
  const saved = localStorage.getItem('stocktrade-theme')
  const dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches
  document.documentElement.classList.toggle('dark', dark)
} catch {
  document.documentElement.classList.add('dark')
}
