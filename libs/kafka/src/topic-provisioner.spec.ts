import type { Admin } from 'kafkajs';
import { ensureTopics } from './topic-provisioner';

/** An Admin whose listTopics fails `failures` times (as during a broker restart), then answers. */
function flakyAdmin(failures: number, existing: string[]) {
  let calls = 0;
  const created: string[][] = [];
  const admin = {
    listTopics: () => {
      calls += 1;
      if (calls <= failures) {
        return Promise.reject(new TypeError("Cannot destructure property 'topicMetadata' of undefined"));
      }
      return Promise.resolve(existing);
    },
    createTopics: ({ topics }: { topics: { topic: string }[] }) => {
      created.push(topics.map((t) => t.topic));
      return Promise.resolve(true);
    },
  } as unknown as Admin;
  return { admin, created, listCalls: () => calls };
}

describe('ensureTopics', () => {
  it('creates only the missing topics', async () => {
    const { admin, created } = flakyAdmin(0, ['a']);

    await expect(ensureTopics(admin, ['a', 'b', 'c'], 6)).resolves.toEqual(['b', 'c']);
    expect(created).toEqual([['b', 'c']]);
  });

  it('starts over after errors with doubling pauses, and succeeds once the broker answers', async () => {
    const { admin, created, listCalls } = flakyAdmin(3, []);
    const pauses: number[] = [];

    const result = await ensureTopics(admin, ['a'], 6, {
      initialDelayMs: 100,
      maxDelayMs: 300,
      sleep: (ms) => {
        pauses.push(ms);
        return Promise.resolve();
      },
    });

    expect(result).toEqual(['a']);
    expect(listCalls()).toBe(4);
    expect(pauses).toEqual([100, 200, 300]);
    expect(created).toEqual([['a']]);
  });

  it('lets the last error through when the broker never answers', async () => {
    const { admin, listCalls } = flakyAdmin(10, []);

    await expect(
      ensureTopics(admin, ['a'], 6, { attempts: 3, sleep: () => Promise.resolve() }),
    ).rejects.toThrow("Cannot destructure property 'topicMetadata'");
    expect(listCalls()).toBe(3);
  });
});
