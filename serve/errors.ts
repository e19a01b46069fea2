/**
 * Errors as the OpenAI API reports them: an HTTP status and a body `{ error: { message, type, param,
 * code } }`, so that OpenAI clients raise their usual exceptions (BadRequestError, RateLimitError ...).
 */

export type ApiErrorType = "invalid_request_error" | "not_found_error" | "rate_limit_error" | "server_error" | "service_unavailable_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: ApiErrorType,
    /** The request field at fault (`temperature`, `messages[1].content` ...), or null. */
    readonly param: string | null = null,
    /** A machine-readable code (`context_length_exceeded`, `model_not_found`, `queue_full` ...), or null. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): { error: { message: string; type: ApiErrorType; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** A request the server cannot serve as given (HTTP 400). */
export function badRequest(message: string, param: string | null = null, code: string | null = null): ApiError {
  return new ApiError(400, message, "invalid_request_error", param, code);
}
