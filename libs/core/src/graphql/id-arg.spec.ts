import { describe, expect, it } from '@jest/globals';
import { CoreError } from '../errors/domain-error.js';
import { UuidArgPipe } from './id-arg.js';

describe('UuidArgPipe', () => {
  const pipe = new UuidArgPipe('id');

  it('passes a UUID through', () => {
    expect(pipe.transform('6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f')).toBe(
      '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    );
  });

  it('refuses anything else as bad input naming the argument', () => {
    for (const value of ['not-a-uuid', '', '1', "' or 1=1 --", 42]) {
      let thrown: unknown;
      try {
        pipe.transform(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CoreError);
      expect((thrown as CoreError).fields).toEqual([{ path: 'id', messages: ['id must be an id (a UUID)'] }]);
    }
  });
});
