import { type KeyboardEvent, type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

const ITEM_SELECTOR = '[data-roving-item]';

/**
 * WAI-ARIA toolbar keyboard model: the toolbar is one Tab stop; ←/→ (and Home/End) move between
 * its controls. Only one control has tabindex=0, the one used last, so Tab comes back to it.
 * A <select> keeps ↑/↓ to change its value.
 */
export function useRovingTabIndex(containerRef: RefObject<HTMLElement | null>) {
  const activeRef = useRef<HTMLElement | null>(null);

  const items = useCallback((): HTMLElement[] => {
    const container = containerRef.current;
    if (container === null) return [];
    return Array.from(container.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
  }, [containerRef]);

  const assignTabIndexes = useCallback(() => {
    const all = items();
    const active =
      activeRef.current !== null && all.includes(activeRef.current) ? activeRef.current : all[0];
    for (const item of all) item.tabIndex = item === active ? 0 : -1;
  }, [items]);

  // Controls appear and disappear with state: keep exactly one Tab stop after every render.
  useLayoutEffect(() => {
    assignTabIndexes();
  });

  /** For focus and clicks alike: toolbar buttons keep the editor focused on mouse down. */
  const onFocus = useCallback(
    (event: { target: EventTarget }) => {
      if (!(event.target instanceof Element)) return;
      const item = event.target.closest<HTMLElement>(ITEM_SELECTOR);
      if (item === null) return;
      activeRef.current = item;
      assignTabIndexes();
    },
    [assignTabIndexes],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const all = items();
      const current = all.indexOf(event.target as HTMLElement);
      if (current === -1) return;
      let next: number;
      switch (event.key) {
        case 'ArrowRight':
          next = (current + 1) % all.length;
          break;
        case 'ArrowLeft':
          next = (current - 1 + all.length) % all.length;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = all.length - 1;
          break;
        default:
          return;
      }
      event.preventDefault();
      all[next]?.focus();
    },
    [items],
  );

  return { onFocus, onKeyDown };
}
