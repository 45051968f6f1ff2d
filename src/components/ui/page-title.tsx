import { appInfo } from '@/lib/env'

/** The document title of a page, "<page> · <app name>" (React hoists <title> into <head>). */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · ${appInfo().name}`}</title>
}
