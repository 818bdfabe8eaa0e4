import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from '../../src/renderer/src/components';

function renderMenu() {
  const chosen = vi.fn();
  render(
    <>
      <MenuButton
        label="Actions"
        aria-label="Actions for participant 12345"
        items={[
          { id: 'edit', label: 'Edit', onSelect: () => chosen('edit') },
          { id: 'check', label: 'Check key', onSelect: () => chosen('check') },
          { id: 'off', label: 'Not now', disabled: true, onSelect: () => chosen('off') },
          { id: 'delete', label: 'Delete', tone: 'danger', onSelect: () => chosen('delete') },
        ]}
      />
      <button type="button">Elsewhere</button>
    </>,
  );
  return { chosen, button: screen.getByRole('button', { name: 'Actions for participant 12345' }) };
}

describe('MenuButton', () => {
  it('is a menu button whose name starts with its visible text', () => {
    const { button } = renderMenu();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveTextContent('Actions');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens on Enter at the first item; arrows wrap and skip disabled items; Escape returns focus', async () => {
    const { button } = renderMenu();
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Check key' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('ArrowUp opens on the last item; Enter on an item runs it and closes the menu', async () => {
    const { button, chosen } = renderMenu();
    button.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(chosen).toHaveBeenCalledWith('check');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('a click outside or Tab closes it without choosing', async () => {
    const { button, chosen } = renderMenu();
    await userEvent.click(button);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
    await userEvent.click(button);
    await userEvent.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(chosen).not.toHaveBeenCalled();
  });
});
