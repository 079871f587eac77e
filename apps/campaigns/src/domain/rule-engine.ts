/**
 * The campaigns rule engine, pure (no I/O, no framework, no clock). The service layer:
 * 1. on publish / cache load: `createRuleEnvironment(club attributes)` once per tenant, then
 *    `compileCampaign(definition, env)` per campaign version (errors → 400 with field errors),
 *    then `prepareCampaignSet(compiled, {groups, pointValue})` — cache this;
 * 2. per checkout: `buildRuleContext(request facts)`, read the counters named by
 *    `counterKeysFor(set, context)`, `evaluateCheckout(set, context, counters)`, apply
 *    `increments` conditionally in the checkout's transaction (retry the evaluation when one
 *    does not apply), record `effects` (provenance) with the checkout.
 */
export * from './amounts';
export * from './evaluation';
export * from './limits';
export * from './rule-context';
export * from './rule-language';
export * from './rules';
export * from './stacking';
