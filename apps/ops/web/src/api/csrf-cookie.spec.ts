import { isMutation, readCookie } from './csrf-cookie';

describe('readCookie', () => {
  it.each([
    ['cp_csrf=abc123', 'abc123'],
    ['theme=dark; cp_csrf=abc123; other=1', 'abc123'],
    ['xcp_csrf=wrong; cp_csrf=right', 'right'],
    ['cp_csrf=a%2Bb%3D', 'a+b='],
    ['cp_csrf=%E0%A4%A', '%E0%A4%A'],
    ['cp_csrf=', ''],
    ['theme=dark', null],
    ['', null],
    ['garbage; ;=;', null],
  ])('reads cp_csrf from %p', (cookies, expected) => {
    expect(readCookie(cookies, 'cp_csrf')).toBe(expected);
  });
});

describe('isMutation', () => {
  it.each([
    ['GET', false],
    ['head', false],
    ['OPTIONS', false],
    ['POST', true],
    ['put', true],
    ['PATCH', true],
    ['DELETE', true],
  ])('%s → %p', (method, expected) => {
    expect(isMutation(method)).toBe(expected);
  });
});
