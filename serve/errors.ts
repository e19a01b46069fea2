/**
 * Errors as the OpenAI API reports them: an HTTP status and a body `{ error: { message, type, param,
 * code } }`, so that OpenAI clients raise their usual exceptions (BadRequestError, RateLimitError ...).
 */
import type { FastifyError } from "fastify";
import { EngineClosedError, EngineError, QueueFullError, RequestError } from "../runtime/engine.js";

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

/** Any error as the API reports it (`bodyLimit` for the 413 message). */
export function toApiError(error: FastifyError | Error, bodyLimit: number): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof QueueFullError) return new ApiError(429, `${error.message}; retry later`, "rate_limit_error", null, "queue_full");
  if (error instanceof RequestError) return badRequest(error.message);
  if (error instanceof EngineClosedError) return new ApiError(503, error.message, "service_unavailable_error", null, "shutting_down");
  if (error instanceof EngineError) return new ApiError(500, `the engine failed: ${error.message}`, "server_error");
  const status = (error as FastifyError).statusCode;
  if (status === 413) return new ApiError(413, `the request body is larger than ${bodyLimit} bytes`, "invalid_request_error", null, "body_too_large");
  if (status === 415) return new ApiError(415, `${error.message} (send Content-Type: application/json)`, "invalid_request_error", null, "unsupported_media_type");
  if ((error as FastifyError).code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) return new ApiError(400, `the request body is not valid JSON: ${error.message}`, "invalid_request_error", null, "invalid_json");
  if (status !== undefined && status >= 400 && status < 500) return new ApiError(status, error.message, "invalid_request_error");
  return new ApiError(500, `internal error: ${error.message}`, "server_error");
}
