import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { SegmentedControl } from './segmented-control'

function Ranges() {
  const [value, setValue] = useState<'1D' | '1W' | '1M'>('1D')
  return (
    <SegmentedControl
      label="Chart range"
      value={value}
      onChange={setValue}
      options={[
        { value: '1D', label: '1D' },
        { value: '1W', label: '1W' },
        { value: '1M', label: '1M' },
      ]}
    />
  )
}

describe('SegmentedControl', () => {
  it('is a radio group operated with arrow keys', async () => {
    const user = userEvent.setup()
    render(<Ranges />)
    expect(screen.getByRole('radiogroup', { name: 'Chart range' })).toBeInTheDocument()
    await user.tab()
    expect(screen.getByRole('radio', { name: '1D' })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('radio', { name: '1W' })).toBeChecked()
    expect(screen.getByRole('radio', { name: '1W' })).toHaveFocus()
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(screen.getByRole('radio', { name: '1M' })).toBeChecked()
  })
})
