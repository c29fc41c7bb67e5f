// Helpers for the import journey's web tests: multipart bodies built by hand, as a browser sends them.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CookieJar, csrfFrom } from './support.ts';

export interface FilePart {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** A multipart/form-data body with the fields, then the file as `file` (no file: an empty part, as browsers send). */
export function multipartBody(fields: Record<string, string>, file: FilePart | null): { payload: Buffer; contentType: string } {
  const boundary = `----tracker${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const fileName = file?.name ?? '';
  const type = file?.type ?? 'application/octet-stream';
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`));
  chunks.push(Buffer.from(file?.bytes ?? new Uint8Array()));
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A signed-in browser that can upload files as well as fetch pages and post forms. */
export function uploader(app: FastifyInstance, jar = new CookieJar()) {
  const send = async (method: 'GET' | 'POST', url: string, body?: { payload: Buffer | string; contentType: string }) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie: jar.header(), ...(body ? { 'content-type': body.contentType } : {}) },
      payload: body?.payload,
    });
    jar.store(response);
    return response;
  };
  return {
    jar,
    get: (url: string) => send('GET', url),
    postForm: (url: string, form: Record<string, string>) =>
      send('POST', url, { payload: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded' }),
    /** Uploads the file with the given fields exactly (no CSRF token added). */
    postFile: (url: string, fields: Record<string, string>, file: FilePart | null) => send('POST', url, multipartBody(fields, file)),
    async signIn(email: string, password: string) {
      const page = await send('GET', '/sign-in');
      return this.postForm('/sign-in', { _csrf: csrfFrom(page.body), email, password });
    },
    /** Opens the upload page and uploads the file with its CSRF token, as the form does. */
    async upload(orgId: number, file: FilePart | null) {
      const page = await send('GET', `/organisations/${orgId}/import`);
      return this.postFile(`/organisations/${orgId}/import`, { _csrf: csrfFrom(page.body) }, file);
    },
  };
}
