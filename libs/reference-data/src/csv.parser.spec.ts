import { parseCsv, parseCsvRecords } from './csv.parser';

describe('parseCsv', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no trailing newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF endings',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', 'a,"b,c"\n', [['a', 'b,c']]],
    ['doubled quote', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['newline inside quotes', '"line1\nline2",x\n', [['line1\nline2', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['empty quoted field', '"",a\n', [['', 'a']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['byte order mark', '\uFEFFa,b\n', [['a', 'b']]],
    ['quote inside unquoted field kept', 'ab"c,d\n', [['ab"c', 'd']]],
    ['unicode', 'Hải Phòng,VN\n', [['Hải Phòng', 'VN']]],
  ])('%s', (_name, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('maps records by header, padding short rows', () => {
    expect(parseCsvRecords('id,name,extra\n1,"A, B"\n')).toEqual([{ id: '1', name: 'A, B', extra: '' }]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsvRecords('')).toEqual([]);
  });
});
