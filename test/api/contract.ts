// The contract check: every API response a test file produced must be what the OpenAPI document says — its status
// listed for its operation, its content type, and its body valid against that status's schema (JSON Schema
// 2020-12, as OpenAPI 3.1 uses).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { Recorded } from './support.ts';

interface Operation { responses: Record<string, { content?: Record<string, { schema: object }> }> }
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

function operationFor(document: Document, method: string, url: string): Operation | undefined {
  const path = url.split('?')[0] ?? '';
  for (const [template, operations] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return operations[method.toLowerCase()];
  }
  return undefined;
}

/** What is wrong with each response, one line each: empty when every one matches the document. */
export async function contractProblems(app: FastifyInstance, responses: readonly Recorded[]): Promise<string[]> {
  const document = JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body) as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const problems: string[] = [];
  for (const r of responses) {
    const name = `${r.method} ${r.url} → ${r.status}`;
    const operation = operationFor(document, r.method, r.url);
    if (!operation) {
      problems.push(`${name}: no such operation in the document`);
      continue;
    }
    const response = operation.responses[String(r.status)];
    if (!response) {
      problems.push(`${name}: status not in the document`);
      continue;
    }
    if (!response.content) {
      if (r.body !== '') problems.push(`${name}: the document says no body, got ${r.body.slice(0, 100)}`);
      continue;
    }
    const type = r.contentType.split(';')[0]?.trim() ?? '';
    const content = response.content[type];
    if (!content) {
      problems.push(`${name}: content type ${type} not in the document (${Object.keys(response.content).join(', ')})`);
      continue;
    }
    const validate = ajv.compile(content.schema);
    if (!validate(JSON.parse(r.body))) problems.push(`${name}: ${ajv.errorsText(validate.errors)} in ${r.body.slice(0, 200)}`);
  }
  return problems;
}
