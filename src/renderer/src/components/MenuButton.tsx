import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  /** Stable key and test hook. */
  id: string;
  label: string;
  onSelect: () => void;
  /** `danger` for deleting: shown in the danger colour and set apart, with its words saying what it does. */
  tone?: 'default' | 'danger';
  disabled?: boolean;
}

export interface MenuButtonProps {
  /** The visible text of the button, e.g. "Actions". */
  label: ReactNode;
  /** The full name, starting with the visible text (e.g. "Actions for participant 12345"). */
  'aria-label'?: string;
  items: readonly MenuItem[];
  /** Shows the button as working (an action from the menu is in flight). */
  busy?: boolean;
}

/**
 * A button that opens a menu of actions (WAI-ARIA menu button pattern): `aria-haspopup`/`aria-expanded`;
 * Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; the arrows, Home and End
 * move between items; Escape closes it and returns focus to the button; Tab or a click outside close it.
 */
export function MenuButton({ label, 'aria-label': ariaLabel, items, busy = false }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();
  const enabled = items.map((item, index) => (item.disabled ? -1 : index)).filter((index) => index >= 0);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const openAt = (index: number | undefined) => {
    if (index === undefined) return;
    setActive(index);
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(enabled[0]);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(enabled.at(-1));
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const position = enabled.indexOf(active);
    const moves: Record<string, number | undefined> = {
      ArrowDown: enabled[(position + 1) % enabled.length],
      ArrowUp: enabled[(position - 1 + enabled.length) % enabled.length],
      Home: enabled[0],
      End: enabled.at(-1),
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = moves[event.key];
      if (next !== undefined) setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const select = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  return (
    <div className="menu-button" ref={wrapRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={['btn', 'btn--secondary', 'menu-button__button', busy ? 'btn--busy' : ''].filter(Boolean).join(' ')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        aria-busy={busy || undefined}
        onClick={() => (open ? close(false) : openAt(enabled[0]))}
        onKeyDown={onButtonKeyDown}
      >
        {busy ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {label}
        <span className="menu-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <ul className="menu-button__menu" role="menu" id={menuId} aria-labelledby={buttonId} ref={menuRef} onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <li key={item.id} role="none" className={item.tone === 'danger' ? 'menu-button__separated' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                className={['menu-button__item', item.tone === 'danger' ? 'menu-button__item--danger' : ''].filter(Boolean).join(' ')}
                disabled={item.disabled}
                onClick={() => select(item)}
                onMouseEnter={() => !item.disabled && setActive(index)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
