// RFC 9457 problem details: how the JSON API answers every refusal and error, with the field errors of a body
// that was not valid. The API's own error handler turns thrown errors into them (set on the API's routes only).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../services/plans.ts';
import { ReviewForbiddenError, ReviewStateError } from '../../services/reviews/index.ts';
import { EditConflictError } from '../../services/edit-conflicts.ts';
import { ApiNotFoundError } from '../../services/api-service.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  428: 'Precondition required',
  500: 'Internal server error',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: FieldProblem[],
): FastifyReply {
  const body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, instance: request.url, ...(errors ? { errors } : {}) };
  return reply.code(status).type('application/problem+json').send(body);
}

interface SchemaError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Ajv's complaints as field errors: the field is the JSON path ("due.from"), or the missing property. */
export function fieldProblems(validation: readonly SchemaError[], context: string | undefined): FieldProblem[] {
  return validation.map((e) => {
    const path = (e.instancePath ?? '').split('/').filter(Boolean);
    const extra = e.params?.missingProperty ?? e.params?.additionalProperty;
    if (typeof extra === 'string') path.push(extra);
    const field = path.join('.') || (context ?? 'body');
    const message =
      e.keyword === 'required' ? `${field} is required`
      : e.keyword === 'additionalProperties' ? `${field} is not a field this accepts`
      : e.keyword === 'maxLength' ? `${field} must be ${String(e.params?.limit)} characters or fewer`
      : `${field} ${e.message ?? 'is not valid'}`;
    return { field, message };
  });
}

export function setUpApiErrors(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, 404, 'There is no API address like this.'));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error.validation) {
      // An id in the address that could not be one is an address that does not exist.
      if (error.validationContext === 'params') return sendProblem(request, reply, 404, 'Nothing exists at this address that you may see.');
      return sendProblem(request, reply, 400, `The ${error.validationContext ?? 'request'} was not valid.`, fieldProblems(error.validation, error.validationContext));
    }
    if (error instanceof NotFoundError || error instanceof ApiNotFoundError) return sendProblem(request, reply, 404, 'Nothing exists at this address that you may see.');
    if (error instanceof ReviewForbiddenError) return sendProblem(request, reply, 403, error.message);
    if (error instanceof ReviewStateError) return sendProblem(request, reply, 409, error.message);
    if (error instanceof EditConflictError) return sendProblem(request, reply, 412, 'Someone else changed this since you read it: read it again.');
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      request.log.info({ err: { message: error.message, code: error.code }, status }, 'API request refused');
      return sendProblem(request, reply, status, status === 415 ? 'Send the body as application/json.' : error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'Sorry, there is a problem with the service.');
  });
}
