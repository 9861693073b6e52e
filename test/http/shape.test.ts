import { describe, expect, it } from 'vitest';
import { anyAnswer, shape, shapeProblem } from '../../src/http/shape.js';

const list = shape('a list (a JSON array)', { type: 'array', items: { type: 'object', required: ['id'] } });
const listOrNothing = shape('a list', { type: 'array' }, { noContent: true });

describe('shapeProblem', () => {
  it('accepts a body of the documented shape', () => {
    expect(shapeProblem(list, 200, [{ id: 1 }])).toBeUndefined();
  });

  it('says what is wrong with JSON of another shape, at its place', () => {
    expect(shapeProblem(list, 200, { data: [] })).toBe('JSON that does not fit: the top level must be array');
    expect(shapeProblem(list, 200, [{ id: 1 }, {}])).toBe("JSON that does not fit: /1 must have required property 'id'");
  });

  it('refuses an empty body and quotes the start of a text one', () => {
    expect(shapeProblem(list, 200, undefined)).toBe('an empty body');
    expect(shapeProblem(list, 200, `<html>\n  <body>${'x'.repeat(100)}</body></html>`)).toBe(`a body that is not JSON: "<html> <body>${'x'.repeat(47)}…"`);
  });

  it('accepts 204 only where the documentation allows it', () => {
    expect(shapeProblem(listOrNothing, 204, undefined)).toBeUndefined();
    expect(shapeProblem(list, 204, undefined)).toBe('no content (HTTP 204)');
    expect(shapeProblem(anyAnswer, 204, undefined)).toBeUndefined();
    expect(shapeProblem(anyAnswer, 200, 'anything')).toBe('a body that is not JSON: "anything"');
  });
});
