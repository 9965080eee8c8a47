// Searching the console's queue the way a dispatcher does, then waiting until the list shows
// only what was searched for. A row clicked while the filtered list arrives moves between the
// mouse going down and up, and the click is lost (handover.spec once found no card open).
import { expect, type Locator, type Page } from '@playwright/test';

/** Types `text` into the queue's search and returns the queue once every row it shows matches. */
export async function searchQueue(page: Page, text: string, words: { search: string; queue: string } = { search: 'Search orders', queue: 'Order queue' }): Promise<Locator> {
  await page.getByRole('textbox', { name: words.search }).or(page.getByRole('searchbox', { name: words.search })).fill(text);
  const queue = page.getByRole('listbox', { name: words.queue });
  await expect(queue.getByRole('option').filter({ hasText: text }).first()).toBeVisible();
  await expect(queue.getByRole('option').filter({ hasNotText: text })).toHaveCount(0);
  return queue;
}
