// The last plugin: GOV.UK-style 404 page and error handler. Errors are logged with the request id; stack traces
// are shown on the page only when NODE_ENV=development (never when it is unset, "test" or "production").
import type { FastifyError, FastifyInstance } from 'fastify';

const CLIENT_MESSAGES: Record<number, string> = {
  400: 'The information sent was not in a form this service understands. Go back and try again.',
  413: 'The file or form was too large. Go back and send something smaller.',
  415: 'The form was sent in a format this service does not accept.',
};

export async function setUpErrors(app: FastifyInstance, showStack: boolean): Promise<void> {
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' }));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // A malformed id in the address is a page that does not exist.
    if (error.validation && error.validationContext === 'params') {
      return reply.code(404).view('pages/errors/404.njk', { pageTitle: 'Page not found' });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      request.log.info({ err: { message: error.message, code: error.code }, status }, 'request refused');
      return reply.code(status).view('pages/errors/4xx.njk', {
        pageTitle: 'There is a problem',
        message: CLIENT_MESSAGES[status] ?? 'The request could not be completed. Go back and try again.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).view('pages/errors/500.njk', {
      pageTitle: 'Sorry, there is a problem with the service',
      stack: showStack ? error.stack : null,
    });
  });
}
