import type { Message } from 'kafkajs';
import { messageSize, splitBySize } from './size-bounded-send';

const sized = (bytes: number, key = 'k'): Message => ({ key, value: 'x'.repeat(bytes) });

describe('splitBySize', () => {
  it.each([
    ['nothing', [], 1000, []],
    ['everything in one send when it fits', [100, 100, 100], 1000, [3]],
    ['a new send when the next would overflow', [400, 400, 400], 1000, [2, 1]],
    ['an oversize message alone', [100, 5000, 100], 1000, [1, 1, 1]],
    ['an oversize message first', [5000, 100, 100], 1000, [1, 2]],
  ])('%s', (_name, sizes, limit, expected) => {
    const messages = sizes.map((bytes, index) => sized(bytes, `k${index}`));
    const groups = splitBySize(messages, limit);
    expect(groups.map((group) => group.length)).toEqual(expected);
    // Order is kept: the groups read back as the input.
    expect(groups.flat()).toEqual(messages);
  });

  it('counts keys, values and headers', () => {
    const message: Message = {
      key: 'abc',
      value: Buffer.alloc(10),
      headers: { 'h-one': 'xy', many: ['a', Buffer.from('bc')] },
    };
    expect(messageSize(message) - messageSize({ value: null })).toBe(3 + 10 + 5 + 2 + 4 + 1 + 4 + 2);
  });
});
