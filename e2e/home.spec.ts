import { expect, test } from './fixtures/test';

test.describe('starting out', () => {
  test('the home page creates a board, opens it and remembers it', async ({ server, page }) => {
    await page.goto(server.url);
    await page.getByTestId('new-board-title').fill('Coffee subscription');
    await page.getByTestId('new-board-submit').click();
    // The facilitator link: the creator owns the board.
    await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}\?t=[A-Za-z0-9_-]{22,}$/);
    const created = page.url();
    await page.getByTestId('name-input').fill('Ana');
    await page.getByTestId('name-submit').click();
    await expect(page.getByTestId('board-title')).toHaveValue('Coffee subscription');
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');

    await page.goto(server.url);
    const recent = page.getByTestId('recent-board-link');
    await expect(recent).toContainText('Coffee subscription');
    // The remembered link keeps its token, so it still opens the board.
    expect(new URL(created).pathname + new URL(created).search).toBe(
      await recent.getAttribute('href'),
    );
    await recent.click();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
    await expect(page.getByTestId('share-button')).toBeVisible();
  });

  test('the interface speaks Spanish when chosen', async ({ server, page }) => {
    await page.goto(server.url);
    await page.getByTestId('lang-es').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByTestId('new-board-submit')).toContainText(/Crear|Nuevo/);
  });

  test('an unknown board is a clear 404', async ({ server, page }) => {
    const response = await page.goto(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('body')).toContainText(/not found|no existe|no encontrado/i);
  });
});
