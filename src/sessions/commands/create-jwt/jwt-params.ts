import { range } from '@libs/http/params';
import type { FieldSpec } from '../../../common';
import { MAX_JWT_DURATION_SECONDS } from '../../../jwt';

/** Appwrite's `duration` of both JWT routes. */
export const DURATION_PARAM: FieldSpec = {
  validator: range(0, MAX_JWT_DURATION_SECONDS),
  default: 900,
  description:
    'Time in seconds before JWT expires. Default duration is 900 seconds, and maximum is 3600 seconds.',
};
