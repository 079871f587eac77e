'use strict';
// Medium and e2e tests wait for real brokers (consumer group joins take seconds).
jest.setTimeout(Number(process.env.CLUB_TEST_TIMEOUT_MS ?? 120000));
