import { parseSanctionsSources } from './sanctions-sources';

describe('parseSanctionsSources', () => {
  it.each([
    ['/data/un.xml', [{ listId: 'un-sc-consolidated', location: '/data/un.xml' }]],
    [
      'https://scsanctions.un.org/resources/xml/en/consolidated.xml?x=1',
      [
        {
          listId: 'un-sc-consolidated',
          location: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml?x=1',
        },
      ],
    ],
    [
      ' /data/un.xml , national=/data/vn-list.xml ,',
      [
        { listId: 'un-sc-consolidated', location: '/data/un.xml' },
        { listId: 'national', location: '/data/vn-list.xml' },
      ],
    ],
    ['eu=https://example.org/eu.xml', [{ listId: 'eu', location: 'https://example.org/eu.xml' }]],
  ])('reads %j', (raw, expected) => {
    expect(parseSanctionsSources(raw)).toEqual(expected);
  });
});
