import { expect, test } from './fixtures/test';

test.describe('starting out', () => {
  test('the home page creates a board, opens it and remembers it', async ({ server, page }) => {
    await page.goto(server.url);
    await page.getByTestId('new-board-title').fill('Coffee subscription');
    await page.getByTestId('new-board-submit').click();
    await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
    await page.getByTestId('name-input').fill('Ana');
    await page.getByTestId('name-submit').click();
    await expect(page.getByTestId('board-title')).toHaveValue('Coffee subscription');
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');

    await page.goto(server.url);
    await expect(page.getByTestId('recent-board-link')).toContainText('Coffee subscription');
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
