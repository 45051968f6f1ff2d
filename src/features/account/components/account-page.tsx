/** Placeholder so the router type-checks; the account feature's owner replaces this file. */
export function AccountPage() {
  return <h1 className="text-2xl font-semibold">Account</h1>
}
