import { InMemorySanctionsScreener } from '../testing/in-memory-sanctions.screener';
import { MemoisedSanctionsScreener } from './memoised-sanctions.screener';

const listed = [
  {
    entryReference: 'KPe.001',
    name: 'Korea Mining Development Trading Corporation',
    imoNumbers: ['9074729'],
  },
];

describe('MemoisedSanctionsScreener', () => {
  it('answers a name it was asked before without screening it again, with the same hits', () => {
    const inner = new InMemorySanctionsScreener(listed);
    const memo = new MemoisedSanctionsScreener(inner, 10);

    const first = memo.screenName('Korea Mining Development Trading Corp');
    const second = memo.screenName('Korea Mining Development Trading Corp');

    expect(first).toEqual(inner.screenName('Korea Mining Development Trading Corp'));
    expect(second).toBe(first);
    expect(inner.screenNameCalls).toBe(2); // one through the memo, one direct call above
    expect(memo.stats()).toEqual({ lookups: 2, misses: 1, remembered: 1 });
    expect(memo.listVersions).toBe(inner.listVersions);
  });

  it('hands out frozen answers, so one consignment cannot alter what another is told', () => {
    const memo = new MemoisedSanctionsScreener(new InMemorySanctionsScreener(listed), 10);

    const hits = memo.screenName('Korea Mining Development Trading Corporation');

    expect(Object.isFrozen(hits)).toBe(true);
    expect(hits.every((hit) => Object.isFrozen(hit))).toBe(true);
  });

  it('keeps at most two generations: a name unused for two generations is screened again', () => {
    const inner = new InMemorySanctionsScreener(listed);
    const memo = new MemoisedSanctionsScreener(inner, 2);

    ['A', 'B', 'C', 'D', 'E'].forEach((name) => memo.screenName(name));
    const callsBefore = inner.screenNameCalls;
    memo.screenName('E'); // current generation
    memo.screenName('C'); // previous generation: promoted, not screened
    memo.screenName('A'); // dropped

    expect(inner.screenNameCalls - callsBefore).toBe(1);
    expect(memo.stats().remembered).toBeLessThanOrEqual(4);
  });

  it('passes IMO numbers through', () => {
    const memo = new MemoisedSanctionsScreener(new InMemorySanctionsScreener(listed));

    expect(memo.screenImo('9074729').map((hit) => hit.entryReference)).toEqual(['KPe.001']);
  });

  it.each([0, -1, 1.5])('refuses capacity %p', (capacity) => {
    expect(() => new MemoisedSanctionsScreener(new InMemorySanctionsScreener(), capacity)).toThrow(
      RangeError,
    );
  });
});
