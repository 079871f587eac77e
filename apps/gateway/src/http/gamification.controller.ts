import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { ClubService } from '../services/club.service';
import { CurrentOperator, CurrentTenant } from './auth';
import { problem } from './problem';
import { badgeRequestSchema, challengeRequestSchema, streakRequestSchema } from './schemas';
import { parse } from './validate';

/** A PUT body with the code of its path (a different code in the body is a 400). */
function withCode(body: unknown, code: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const given = (body as { code?: unknown }).code;
  if (given !== undefined && given !== code) throw problem(400, 'validation', 'Bad Request', 'The code cannot change.', [{ pointer: '#/code', detail: 'must be the code in the path' }]);
  return { ...body, code };
}

/**
 * Gamification: badges, challenges (progress towards a goal per week, month or year of the club's
 * calendar) and streaks, defined by the club; progress is counted from checkouts by the campaigns
 * service; members (and apps on their behalf) read theirs at /v1/members/{id}/progress.
 */
@Controller('v1')
export class GamificationController {
  constructor(private readonly club: ClubService) {}

  @Post('badges')
  @HttpCode(201)
  defineBadge(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.gamificationDocument(tenant, 'DefineBadge', { badge: parse(badgeRequestSchema, body), operator });
  }

  @Get('badges')
  listBadges(@CurrentTenant() tenant: TenantContext) {
    return this.club.gamificationDocument(tenant, 'ListBadges', {});
  }

  @Put('badges/:code')
  saveBadge(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Param('code') code: string, @Body() body: unknown) {
    return this.club.gamificationDocument(tenant, 'SaveBadge', { badge: parse(badgeRequestSchema, withCode(body, code)), operator });
  }

  @Post('challenges')
  @HttpCode(201)
  defineChallenge(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.gamificationDocument(tenant, 'DefineChallenge', { challenge: parse(challengeRequestSchema, body), operator });
  }

  @Get('challenges')
  listChallenges(@CurrentTenant() tenant: TenantContext) {
    return this.club.gamificationDocument(tenant, 'ListChallenges', {});
  }

  /** Name, description, window and badge; the goal, period, calendar and repeat mode are fixed (422). */
  @Put('challenges/:code')
  saveChallenge(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Param('code') code: string, @Body() body: unknown) {
    return this.club.gamificationDocument(tenant, 'SaveChallenge', { challenge: parse(challengeRequestSchema, withCode(body, code)), operator });
  }

  @Post('streaks')
  @HttpCode(201)
  defineStreak(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Body() body: unknown) {
    return this.club.gamificationDocument(tenant, 'DefineStreak', { streak: parse(streakRequestSchema, body), operator });
  }

  @Get('streaks')
  listStreaks(@CurrentTenant() tenant: TenantContext) {
    return this.club.gamificationDocument(tenant, 'ListStreaks', {});
  }

  /** Name, description, qualifying amount and milestones; the period and calendar are fixed (422). */
  @Put('streaks/:code')
  saveStreak(@CurrentTenant() tenant: TenantContext, @CurrentOperator() operator: string, @Param('code') code: string, @Body() body: unknown) {
    return this.club.gamificationDocument(tenant, 'SaveStreak', { streak: parse(streakRequestSchema, withCode(body, code)), operator });
  }

  /** Badges earned (with when and why), challenges active now with progress in the current period, streaks. */
  @Get('members/:id/progress')
  progress(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.club.getMemberProgress(tenant, id);
  }
}
