/** The localStorage key whose value '1' turns the test hooks on in a production build. */
export const TEST_HOOK_FLAG = 'lienzo:test-hooks';

export function testHookEnabled(): boolean {
  if (process.env.NODE_ENV !== 'production') return true;
  try {
    return window.localStorage.getItem(TEST_HOOK_FLAG) === '1';
  } catch {
    return false;
  }
}
