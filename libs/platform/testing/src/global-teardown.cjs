'use strict';
const infra = require('./infra.cjs');

module.exports = async () => {
  await infra.stopIfStarted();
};
