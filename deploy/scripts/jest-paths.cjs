// Maps the tsconfig path aliases (@club/*) to source files for jest.
const path = require('node:path');
const base = require('../../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const root = path.resolve(__dirname, '../..');
  const out = {};
  for (const [alias, targets] of Object.entries(base.compilerOptions.paths)) {
    out[`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`] = path.join(root, targets[0]);
  }
  return out;
}

module.exports = { pathsToModuleNameMapper };
