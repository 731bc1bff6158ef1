/**
 * Zoom and pan for one diagram: the SVG sits in a clipped viewport and is moved
 * with a CSS transform. Ctrl/Cmd + wheel zooms at the pointer, plain wheel
 * scrolls the page, dragging pans, a click without a drag is reported.
 */
export interface PanZoom {
  /** Re-applies the transform after the SVG changed size. */
  refresh(): void;
  zoomBy(factor: number): void;
  fitWidth(): void;
  reset(): void;
  readonly scale: number;
}

export function attachPanZoom(viewport: HTMLElement, canvas: HTMLElement, onClick: (event: MouseEvent) => void): PanZoom {
  let scale = 1;
  let x = 0;
  let y = 0;
  const apply = (): void => {
    canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    // The transform does not resize the box: give the viewport the zoomed height.
    viewport.style.height = `${Math.max(60, canvas.offsetHeight * scale)}px`;
    viewport.dataset.scale = scale.toFixed(2);
  };
  const zoomAt = (factor: number, px: number, py: number): void => {
    const next = Math.min(8, Math.max(0.1, scale * factor));
    // Keep the point under the pointer still.
    x = px - ((px - x) * next) / scale;
    y = py - ((py - y) * next) / scale;
    scale = next;
    apply();
  };

  viewport.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const rect = viewport.getBoundingClientRect();
      zoomAt(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - rect.left, event.clientY - rect.top);
    },
    { passive: false },
  );

  let drag: { startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { startX: event.clientX, startY: event.clientY, x, y, moved: false };
    viewport.setPointerCapture(event.pointerId);
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    viewport.classList.add('panning');
    x = drag.x + dx;
    y = drag.y + dy;
    apply();
  });
  viewport.addEventListener('pointerup', (event) => {
    const wasClick = drag !== undefined && !drag.moved;
    drag = undefined;
    viewport.classList.remove('panning');
    if (wasClick) onClick(event);
  });

  return {
    refresh: apply,
    zoomBy(factor) {
      zoomAt(factor, viewport.clientWidth / 2, 0);
    },
    fitWidth() {
      const svg = canvas.querySelector('svg');
      const natural = svg ? svg.getBoundingClientRect().width / scale : 0;
      if (natural > 0) {
        scale = Math.min(8, Math.max(0.1, (viewport.clientWidth - 16) / natural));
        x = 8;
        y = 0;
        apply();
      }
    },
    reset() {
      scale = 1;
      x = 0;
      y = 0;
      apply();
    },
    get scale() {
      return scale;
    },
  };
}
