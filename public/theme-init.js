// Runs before first paint so the page never flashes the wrong theme. Keep in sync with
// THEME_STORAGE_KEY in src/lib/theme.ts.
try {
  var saved = localStorage.getItem('stocktrade-theme')
  var dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches
  document.documentElement.classList.toggle('dark', dark)
} catch (_) {
  document.documentElement.classList.add('dark')
}
