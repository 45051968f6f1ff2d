import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { TypedConfirmDialog } from './typed-confirm-dialog'

function renderDialog(overrides: Partial<Parameters<typeof TypedConfirmDialog>[0]> = {}) {
  const props = {
    open: true,
    onClose: vi.fn(),
    onConfirm: vi.fn(),
    title: 'Delete your account?',
    description: <p>Everything goes.</p>,
    word: 'DELETE',
    confirmLabel: 'Delete my account',
    pending: false,
    error: null,
    ...overrides,
  }
  render(<TypedConfirmDialog {...props} />)
  return props
}

describe('TypedConfirmDialog', () => {
  it('confirms only once the exact word is typed, by click or Enter', async () => {
    const user = userEvent.setup()
    const props = renderDialog()
    const field = screen.getByLabelText('Type DELETE to confirm')
    expect(field).toHaveFocus()
    const confirm = screen.getByRole('button', { name: 'Delete my account' })

    await user.type(field, 'delete{Enter}')
    expect(confirm).toBeDisabled()
    expect(props.onConfirm).not.toHaveBeenCalled()

    await user.clear(field)
    await user.type(field, 'DELETE{Enter}')
    expect(props.onConfirm).toHaveBeenCalledTimes(1)
  })

  it('closes with Escape or "Keep everything", and cannot be closed while pending', async () => {
    const user = userEvent.setup()
    const props = renderDialog()
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Keep everything' }))
    expect(props.onClose).toHaveBeenCalledTimes(2)
  })

  it('shows the server error', () => {
    renderDialog({ error: 'Your account was not deleted: network down', pending: false })
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your account was not deleted: network down',
    )
  })

  it('cannot be dismissed while the action runs', async () => {
    const user = userEvent.setup()
    const props = renderDialog({ pending: true })
    await user.keyboard('{Escape}')
    expect(props.onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Keep everything' })).toBeDisabled()
  })
})
