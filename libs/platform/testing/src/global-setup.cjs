'use strict';
// Starts one real PostgreSQL and one real Kafka broker for the medium and e2e tests of a jest
// run, unless the caller already did (CLUB_TEST_DATABASE_URL / CLUB_TEST_KAFKA_BROKERS set, as
// `npm test` does). Test files then clone databases from migrated templates (see index.ts).
const infra = require('./infra.cjs');

module.exports = async () => {
  await infra.startOnce();
};
