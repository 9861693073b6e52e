import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../src/emulators/common/router.js';

const routes = [
  { method: 'GET', template: '/api/things', target: 'list' },
  { method: 'GET', template: '/api/things/:id', target: 'show' },
  { method: 'PATCH', template: '/api/things/:id', target: 'update' },
];

describe('matchRoute', () => {
  it('finds the route and its decoded parameters, ignoring a trailing slash', () => {
    expect(matchRoute(routes, 'GET', '/api/things/a%20b/')).toMatchObject({ kind: 'found', route: { target: 'show' }, params: { id: 'a b' } });
    expect(matchRoute(routes, 'GET', '/api/things')).toMatchObject({ kind: 'found', route: { target: 'list' }, params: {} });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(matchRoute(routes, 'DELETE', '/api/things/1')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'PATCH'] });
    expect(matchRoute(routes, 'GET', '/api/things/1/more')).toEqual({ kind: 'not-found' });
  });

  it('keeps a malformed escape as sent', () => {
    expect(matchRoute(routes, 'GET', '/api/things/%zz')).toMatchObject({ params: { id: '%zz' } });
  });
});
