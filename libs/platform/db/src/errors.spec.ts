import { isTransientDbError } from './errors';

describe('isTransientDbError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '08006' }, true],
    [{ message: 'x', driverError: { code: '40001' } }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, false],
    [new Error('downstream refused'), false],
    [undefined, false],
  ])('%o → %s', (err, transient) => {
    expect(isTransientDbError(err)).toBe(transient);
  });
});
