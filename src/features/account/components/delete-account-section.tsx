import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast-store'
import { endDeletedSession, useDeleteAccount } from '../api/delete-account'
import { TypedConfirmDialog } from './typed-confirm-dialog'

export function DeleteAccountSection() {
  const [open, setOpen] = useState(false)
  const remove = useDeleteAccount()
  const navigate = useNavigate()
  const queryClient = useQueryClient()

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <h3 className="text-sm font-medium">Delete my account</h3>
        <p className="text-sm text-muted">
          Removes your profile, positions, orders, fills and watchlist for good, then signs you out.
        </p>
      </div>
      <Button variant="danger" onClick={() => setOpen(true)} className="shrink-0">
        Delete my account
      </Button>
      <TypedConfirmDialog
        open={open}
        onClose={() => {
          remove.reset()
          setOpen(false)
        }}
        title="Delete your account?"
        description={
          <p>
            Every row of yours is deleted: profile, positions, orders, fills and watchlist. You will
            be signed out. This cannot be undone — export your data first if you want a copy.
          </p>
        }
        word="DELETE"
        confirmLabel="Delete my account"
        pending={remove.isPending}
        error={remove.error ? `Your account was not deleted: ${remove.error.message}` : null}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: async () => {
              // Off the protected page, committed now (not in a transition the sign-out would
              // overtake), before the session ends: signed out there, the user would be sent
              // to sign in again, back to this page.
              await navigate('/', { replace: true, flushSync: true })
              queryClient.clear()
              await endDeletedSession()
              toast({ title: 'Your account was deleted', tone: 'success' })
            },
          })
        }
      />
    </div>
  )
}
