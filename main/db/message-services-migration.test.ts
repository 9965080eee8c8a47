// Replica migration 0017 (message_services), the same change as the server's 0011: the customer
// triggers' on/off used to hold for every service at once; it becomes each service type's value,
// so the rows a desktop already holds agree with the server's migrated ones without a resend.
import { expect, it } from 'vitest';
import { manyPerTest, tempReplica } from '../testing/fixture-replica';

const TAG = '0017_message_services';
const olderReplica = manyPerTest(tempReplica);

it("turns each rule's global on/off into every service's value, and nothing else", () => {
  const fx = olderReplica({ before: TAG });
  const put = fx.replica.sqlite.prepare('INSERT INTO message_rules (id, channels, texts, updated_by, updated_at) VALUES (?, ?, ?, ?, 1)');
  put.run('confirmed', '{"sms":false,"email":true,"telegram":false}', '{"ru":"Заказ {{number}}"}', 'u-admin');
  put.run('delivered', '{"sms":false,"email":false,"telegram":false}', '{}', 'u-admin');
  put.run('arriving', '{"sms":true,"email":true,"telegram":true}', '{}', null);
  const current = fx.reopen();
  expect(current.sqlite.prepare('SELECT id, channels, services, texts FROM message_rules ORDER BY id').all()).toEqual([
    { id: 'arriving', channels: '{"sms":true,"email":true,"telegram":true}', services: '{}', texts: '{}' },
    { id: 'confirmed', channels: '{"sms":false,"email":true,"telegram":false}', services: '{}', texts: '{"ru":"Заказ {{number}}"}' },
    { id: 'delivered', channels: '{"sms":false,"email":false,"telegram":false}', services: '{"express":false,"standard":false,"intercity":false}', texts: '{}' },
  ]);
});
