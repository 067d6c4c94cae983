import { type AppRoute, hrefFor, parseRoute } from './app-route';

describe('parseRoute', () => {
  it.each<[string, AppRoute]>([
    ['', { name: 'queue', search: '' }],
    ['#', { name: 'queue', search: '' }],
    ['#/', { name: 'queue', search: '' }],
    ['#/queue', { name: 'queue', search: '' }],
    ['#/queue/', { name: 'queue', search: '' }],
    ['#/queue?stage=EXPORT&sort=-score', { name: 'queue', search: 'stage=EXPORT&sort=-score' }],
    ['#/dashboard', { name: 'dashboard' }],
    ['#/login', { name: 'login', next: null }],
    ['#/login?next=%23%2Fconsignments%2FX1', { name: 'login', next: '#/consignments/X1' }],
    ['#/login?next=https%3A%2F%2Fevil.example', { name: 'login', next: null }],
    ['#/consignments/MAEU123456789', { name: 'consignment', consignmentId: 'MAEU123456789' }],
    ['#/consignments/A%2FB%20C', { name: 'consignment', consignmentId: 'A/B C' }],
    ['#/consignments/%E0%A4%A', { name: 'consignment', consignmentId: '%E0%A4%A' }],
    ['#/elsewhere', { name: 'not-found', path: '/elsewhere' }],
  ])('%p', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });
});

describe('hrefFor', () => {
  it.each<AppRoute>([
    { name: 'queue', search: '' },
    { name: 'queue', search: 'sla=BREACHED' },
    { name: 'dashboard' },
    { name: 'login', next: null },
    { name: 'login', next: '#/consignments/X1' },
    { name: 'consignment', consignmentId: 'A/B C' },
  ])('round-trips %p', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
