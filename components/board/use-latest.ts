import { useLayoutEffect, useRef } from 'react';

/**
 * A ref that always holds the latest value, so event handlers can be created once (keeping
 * memoised note nodes from re-rendering) and still see current props.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
