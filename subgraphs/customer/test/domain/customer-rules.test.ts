import { MAX_HIERARCHY_DEPTH, validateCustomerChange, validateNewCustomer } from '../../src/domain/customer-rules';

const taxRegions = new Set(['US-CA', 'DE']);
const legalEntities = new Set(['US01']);
const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

describe('customer rules', () => {
  test('a new customer is checked against the reference data', () => {
    const ok = { name: 'Acme', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' };
    expect(validateNewCustomer(ok, { taxRegions, legalEntities, parentDepth: null })).toEqual([]);
    expect(codes(validateNewCustomer({ ...ok, currency: 'US' }, { taxRegions, legalEntities, parentDepth: null }))).toEqual(['INVALID_CURRENCY']);
    expect(codes(validateNewCustomer({ ...ok, parentId: 'cus_p' }, { taxRegions, legalEntities, parentDepth: MAX_HIERARCHY_DEPTH - 1 }))).toEqual([
      'HIERARCHY_TOO_DEEP',
    ]);
  });

  test('re-parenting keeps the hierarchy a tree within the depth limit', () => {
    const refs = { taxRegions, parentDepth: 0, subtreeHeight: 1, descendants: new Set(['cus_child']) };
    expect(validateCustomerChange('cus_a', { parentId: 'cus_root' }, refs)).toEqual([]);
    expect(codes(validateCustomerChange('cus_a', { parentId: 'cus_a' }, refs))).toEqual(['HIERARCHY_CYCLE']);
    expect(codes(validateCustomerChange('cus_a', { parentId: 'cus_child' }, refs))).toEqual(['HIERARCHY_CYCLE']);
    expect(codes(validateCustomerChange('cus_a', { parentId: 'cus_x' }, { ...refs, parentDepth: null }))).toEqual(['PARENT_NOT_FOUND']);
    // The moved account brings its subtree: parent at depth 2 + the account + 2 levels below = 5 levels.
    expect(codes(validateCustomerChange('cus_a', { parentId: 'cus_deep' }, { ...refs, parentDepth: 2, subtreeHeight: 2 }))).toEqual([
      'HIERARCHY_TOO_DEEP',
    ]);
    expect(validateCustomerChange('cus_a', { parentId: null }, refs)).toEqual([]);
  });

  test('names and tax regions are checked when they change', () => {
    const refs = { taxRegions, parentDepth: null, subtreeHeight: 0, descendants: new Set<string>() };
    expect(codes(validateCustomerChange('cus_a', { name: ' ', taxRegion: 'MARS' }, refs))).toEqual(['NAME_REQUIRED', 'UNKNOWN_TAX_REGION']);
    expect(validateCustomerChange('cus_a', { name: 'Acme Inc.', taxRegion: 'DE' }, refs)).toEqual([]);
  });
});
