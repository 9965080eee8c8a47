// Thrown by a handler for an expected failure with a code ("no such order"); dispatch turns
// it into an error Reply with that code instead of 'internal'.
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api/define';

export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ApiErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.details = details;
  }
  toBody(): ApiErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}
