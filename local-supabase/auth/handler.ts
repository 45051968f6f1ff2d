import { json, type Handler, type StackOptions } from '../handler.ts'
import { admin } from './admin.ts'
import { authorize, callback, linkIdentity, picker } from './authorize.ts'
import {
  API_VERSION,
  API_VERSION_HEADER,
  errorResponse,
  methodNotAllowed,
  notFound,
} from './errors.ts'
import { logout } from './logout.ts'
import { signup } from './signup.ts'
import { token } from './token.ts'
import { getUser, updateUser } from './user.ts'

const PREFIX = '/auth/v1'

/** What `GET /settings` reports: Google and anonymous sign-in on, no mailer (autoconfirm). */
const SETTINGS = {
  external: {
    anonymous_users: true,
    apple: false,
    azure: false,
    bitbucket: false,
    discord: false,
    facebook: false,
    figma: false,
    fly: false,
    github: false,
    gitlab: false,
    google: true,
    keycloak: false,
    kakao: false,
    linkedin_oidc: false,
    notion: false,
    slack_oidc: false,
    spotify: false,
    twitch: false,
    twitter: false,
    workos: false,
    zoom: false,
    email: true,
    phone: false,
  },
  disable_signup: false,
  mailer_autoconfirm: true,
  phone_autoconfirm: false,
  sms_provider: '',
  saml_enabled: false,
}

const HEALTH = {
  version: 'local',
  name: 'GoTrue',
  description: 'GoTrue is a user registration and authentication API',
}

type Route = (request: Request, opts: StackOptions) => Promise<Response>

const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '/health': { GET: async () => json(HEALTH) },
  '/settings': { GET: async () => json(SETTINGS) },
  '/signup': { POST: signup },
  '/token': { POST: token },
  '/user': { GET: getUser, PUT: updateUser },
  '/logout': { POST: logout },
  '/authorize': { GET: authorize },
  '/callback': { POST: callback },
  '/picker': { GET: picker },
  '/user/identities/authorize': { GET: linkIdentity },
}

/** GoTrue (`/auth/v1`) over the stack's database, answering auth-js as hosted Supabase does. */
export function createAuthHandler(opts: StackOptions): Handler {
  return async (request) => {
    let response: Response
    try {
      response = await route(request, opts)
    } catch (error) {
      response = errorResponse(error, request)
    }
    response.headers.set(API_VERSION_HEADER, API_VERSION)
    return response
  }
}

function route(request: Request, opts: StackOptions): Promise<Response> {
  const pathname = new URL(request.url).pathname
  const path = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) || '/' : pathname
  if (path === '/admin/users' || path.startsWith('/admin/users/')) {
    return admin(request, opts, path)
  }
  const methods = ROUTES[path.replace(/\/$/, '')]
  if (!methods) throw notFound('not_found', 'Not found')
  const handle = methods[request.method]
  if (!handle) throw methodNotAllowed()
  return handle(request, opts)
}
