import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@club/contracts';
import { SurveyRepository, type SurveyRecord } from '../repositories/survey.repository';

@Injectable()
export class FeedbackService {
  constructor(private readonly surveys: SurveyRepository) {}

  listSurveys(tenant: TenantContext, status: string | null): Promise<SurveyRecord[]> {
    return this.surveys.listSurveys(tenant.tenantId, status);
  }
}
