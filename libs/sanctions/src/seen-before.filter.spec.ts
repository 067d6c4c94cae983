import { SeenBeforeFilter } from './seen-before.filter';

describe('SeenBeforeFilter', () => {
  it('answers no the first time and yes the second', () => {
    const filter = new SeenBeforeFilter(100);
    expect(filter.offer('HAMBURG')).toBe(false);
    expect(filter.offer('HAMBURG')).toBe(true);
    expect(filter.offer('ROTTERDAM')).toBe(false);
  });

  it('forgets everything after `window` offers', () => {
    const filter = new SeenBeforeFilter(3);
    filter.offer('A');
    filter.offer('B');
    filter.offer('C');
    expect(filter.offer('A')).toBe(false);
  });

  it('rarely says yes to a key it has not seen', () => {
    const filter = new SeenBeforeFilter(10_000);
    for (let i = 0; i < 10_000; i++) {
      filter.offer(`seen-${i}`);
    }
    const falseYes = Array.from({ length: 1_000 }, (_, i) => `unseen-${i}`).filter((key) =>
      filter.offer(key),
    );
    expect(falseYes.length).toBeLessThan(50);
  });

  it.each([0, -1, 2.5])('refuses window %p', (window) => {
    expect(() => new SeenBeforeFilter(window)).toThrow(RangeError);
  });
});
