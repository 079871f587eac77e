import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'club:public';

/** Marks a route as deliberately unauthenticated (house rule 9: every route is guarded or explicitly public). */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(IS_PUBLIC, true);
