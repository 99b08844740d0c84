// Grafana's drag-to-zoom: press on the plot, drag across steps, release to select them.
import { useRef, useState } from 'react'
import type { MouseHandlerDataParam } from 'recharts'

type Drag = { fromUs: number; toUs: number }

/** Step middles (the x of time charts) to the µs bounds of the steps they stand for. */
const stepBounds = ({ fromUs, toUs }: Drag, stepUs: number) => ({
  startUs: Math.min(fromUs, toUs) - stepUs / 2,
  endUs: Math.max(fromUs, toUs) + stepUs / 2,
})

/** The hovered point's x; labels of number axes may arrive as strings. */
function pointerUs(state: MouseHandlerDataParam): number | null {
  const us = state.activeLabel === undefined ? NaN : Number(state.activeLabel)
  return Number.isFinite(us) ? us : null
}

/**
 * Chart mouse handlers and the area being dragged over, when `onSelectRange` is given. A press
 * without a drag selects nothing (a click is not a zoom); leaving the chart cancels.
 */
export function useDragSelect(stepUs: number, onSelectRange: ((startUs: number, endUs: number) => void) | undefined) {
  const [drag, setDrag] = useState<Drag | null>(null)
  // recharts defers mousemove to the next frame and may call a handler from an earlier render:
  // handlers read the live drag here, not the state they closed over.
  const live = useRef<Drag | null>(null)
  const update = (next: Drag | null) => {
    live.current = next
    setDrag(next)
  }
  if (!onSelectRange) return { handlers: {}, selection: null }
  const handlers = {
    onMouseDown: (state: MouseHandlerDataParam) => {
      const us = pointerUs(state)
      if (us !== null) update({ fromUs: us, toUs: us })
    },
    onMouseMove: (state: MouseHandlerDataParam) => {
      const us = pointerUs(state)
      if (live.current && us !== null && us !== live.current.toUs) update({ ...live.current, toUs: us })
    },
    onMouseUp: () => {
      const done = live.current
      update(null)
      if (done && done.fromUs !== done.toUs) {
        const { startUs, endUs } = stepBounds(done, stepUs)
        onSelectRange(startUs, endUs)
      }
    },
    onMouseLeave: () => update(null),
  }
  const selection = drag && drag.fromUs !== drag.toUs ? stepBounds(drag, stepUs) : null
  return { handlers, selection }
}
